package com.example.gateway.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Authorizations awaiting capture, soonest deadline first. */
@Authenticated
@Path("/v1/authorizations")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorizationResource {

    private final PaymentListing listing;

    AuthorizationResource(PaymentListing listing) {
        this.listing = listing;
    }

    @GET
    public Uni<PaymentListing.Page> list(@Context ContainerRequestContext request,
            @QueryParam("expiring_before") String expiringBefore, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return listing.authorizations(Caller.of(request), expiringBefore, limit, cursor);
    }
}
