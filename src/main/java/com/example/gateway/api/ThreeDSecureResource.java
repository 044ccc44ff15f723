package com.example.gateway.api;

import com.example.gateway.payment.NewThreeDSecure;
import com.example.gateway.payment.ThreeDSecureNotFound;
import com.example.gateway.payment.ThreeDSecureService;
import com.example.gateway.payment.ThreeDSecureView;
import com.example.gateway.support.Ids;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * 3-D Secure authentications for a caller who charges a card number itself: make one, read its status.
 * (A charge by a saved card's token needs none of this: the gateway authenticates it itself.)
 */
@Authenticated
@Path("/v1/three-d-secure")
@Produces(MediaType.APPLICATION_JSON)
public class ThreeDSecureResource {

    private final ThreeDSecureService authentications;
    private final IdempotencyKeys idempotency;

    ThreeDSecureResource(ThreeDSecureService authentications, IdempotencyKeys idempotency) {
        this.authentications = authentications;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Context ContainerRequestContext request, byte[] body) {
        String client = Caller.of(request);
        String idempotencyKey = IdempotencyKeys.of(request);
        NewThreeDSecure authentication = ThreeDSecureRequestReader.read(JsonBodies.parse(body));
        return idempotency.run(client, idempotencyKey, "POST", "/v1/three-d-secure", body,
                () -> authentications.create(client, authentication)
                        .map(view -> Response.status(201).entity(view).build()));
    }

    @GET
    @Path("{id}")
    public Uni<ThreeDSecureView> get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return authentications.get(Caller.of(request), authenticationId(id));
    }

    /** An id the gateway cannot have minted names nothing: 404 without asking the database. */
    static String authenticationId(String id) {
        if (!Ids.couldBe("tds", id)) {
            throw new ThreeDSecureNotFound();
        }
        return id;
    }
}
