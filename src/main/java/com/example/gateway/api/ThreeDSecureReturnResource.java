package com.example.gateway.api;

import com.example.gateway.payment.ThreeDSecureService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Where the issuer sends the customer's browser after the 3-D Secure challenge (DOKU's
 * {@code callback_url_success} and {@code callback_url_failed}). No API key: a browser calls it. Whatever
 * else DOKU appends to the query is ignored (DOKU does not document it). Answers 303 to the caller's
 * return URL (or its failed URL when nothing was paid).
 */
@PermitAll
@Path("/v1/three-d-secure-returns/{id}")
public class ThreeDSecureReturnResource {

    private final ThreeDSecureService authentications;

    ThreeDSecureReturnResource(ThreeDSecureService authentications) {
        this.authentications = authentications;
    }

    @GET
    public Uni<Response> returned(@PathParam("id") String id, @QueryParam("outcome") String outcome) {
        return authentications.returned(ThreeDSecureResource.authenticationId(id), "passed".equals(outcome))
                .map(next -> Response.seeOther(next).build());
    }
}
