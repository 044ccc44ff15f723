package com.example.gateway.api;

import com.example.gateway.webhook.DevWebhookInbox;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Development only: the webhook inbox at {@code /dev/webhook-inbox}, a plain page listing what the
 * inbox received and whether each signature checked out, plus the receiving URL it registers as a
 * webhook endpoint of a client. Everything shown is HTML-escaped.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/dev/webhook-inbox")
public class DevWebhookInboxResource {

    private final DevWebhookInbox inbox;

    DevWebhookInboxResource(DevWebhookInbox inbox) {
        this.inbox = inbox;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@Context UriInfo uri) {
        return DevWebhookInboxPage.render(receivingUrl(uri), inbox.received());
    }

    /** Registers the inbox as an endpoint of the client named in the form (default {@code dev}). */
    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> register(@Context UriInfo uri, @FormParam("client") String client) {
        String name = client == null || client.isBlank() ? "dev" : client.trim();
        return inbox.register(name, receivingUrl(uri))
                .map(endpoint -> Response.seeOther(uri.getBaseUriBuilder().path("dev/webhook-inbox").build()).build());
    }

    @POST
    @Path("receive")
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam("webhook-id") String id, @HeaderParam("webhook-timestamp") String timestamp,
            @HeaderParam("webhook-signature") String signature, byte[] body) {
        inbox.receive(id, timestamp, signature, body == null ? new byte[0] : body);
        return Response.noContent().build();
    }

    private static URI receivingUrl(UriInfo uri) {
        return uri.getBaseUriBuilder().path("dev/webhook-inbox/receive").build();
    }
}
