package com.example.gateway.api;

import com.example.gateway.support.Ids;
import com.example.gateway.webhook.NewWebhookEndpoint;
import com.example.gateway.webhook.WebhookEndpoint;
import com.example.gateway.webhook.WebhookEndpointNotFound;
import com.example.gateway.webhook.WebhookEndpoints;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A client's webhook endpoints. The signing secret is in the answers to creation and rotation only. */
@Authenticated
@Path("/v1/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

    private final WebhookEndpoints endpoints;
    private final IdempotencyKeys idempotency;

    WebhookEndpointResource(WebhookEndpoints endpoints, IdempotencyKeys idempotency) {
        this.endpoints = endpoints;
        this.idempotency = idempotency;
    }

    public record EndpointList(List<WebhookEndpoint> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Context ContainerRequestContext request, byte[] body) {
        String client = Caller.of(request);
        String key = IdempotencyKeys.of(request);
        NewWebhookEndpoint endpoint = WebhookEndpointRequestReader.read(JsonBodies.parse(body));
        return idempotency.run(client, key, "POST", "/v1/webhook-endpoints", body,
                () -> endpoints.create(client, endpoint).map(created -> Response.status(201).entity(created).build()));
    }

    @GET
    public Uni<EndpointList> list(@Context ContainerRequestContext request) {
        return endpoints.list(Caller.of(request)).map(EndpointList::new);
    }

    @GET
    @Path("{id}")
    public Uni<WebhookEndpoint> get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return endpoints.get(Caller.of(request), endpointId(id));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return endpoints.delete(Caller.of(request), endpointId(id)).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("{id}/rotate-secret")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> rotateSecret(@Context ContainerRequestContext request, @PathParam("id") String id, byte[] body) {
        String client = Caller.of(request);
        endpointId(id);
        String key = IdempotencyKeys.of(request);
        return idempotency.run(client, key, "POST", "/v1/webhook-endpoints/" + id + "/rotate-secret", body,
                () -> endpoints.rotateSecret(client, id).map(rotated -> Response.ok(rotated).build()));
    }

    /** An id the gateway cannot have minted names no endpoint: 404 without asking the database. */
    private static String endpointId(String id) {
        if (!Ids.couldBe("we", id)) {
            throw new WebhookEndpointNotFound();
        }
        return id;
    }
}
