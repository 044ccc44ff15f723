package com.example.gateway.api;

import com.example.gateway.support.Ids;
import com.example.gateway.webhook.WebhookDeliveries;
import com.example.gateway.webhook.WebhookDelivery;
import com.example.gateway.webhook.WebhookDeliveryNotFound;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** The deliveries to the client's endpoints, for operators: which are failing or waiting, and a re-send. */
@Authenticated
@Path("/v1/webhook-deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveryResource {

    private final WebhookDeliveries deliveries;
    private final IdempotencyKeys idempotency;

    WebhookDeliveryResource(WebhookDeliveries deliveries, IdempotencyKeys idempotency) {
        this.deliveries = deliveries;
        this.idempotency = idempotency;
    }

    public record Page(List<WebhookDelivery> items, String nextCursor) {
    }

    @GET
    public Uni<Page> list(@Context ContainerRequestContext request, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest page = PageRequest.parse(limit, cursor, "whd", errors);
        WebhookDeliveries.Status wanted = status == null ? null : WebhookDeliveries.Status.named(status).orElse(null);
        if (status != null && wanted == null) {
            errors.add(new FieldError("status", "must be one of pending, delivered, failed"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return deliveries.list(Caller.of(request), wanted, page.afterInstant(), page.afterId(), page.fetchSize())
                .map(rows -> {
                    boolean more = rows.size() > page.limit();
                    List<WebhookDelivery> items = more ? rows.subList(0, page.limit()) : rows;
                    WebhookDelivery last = more ? items.get(items.size() - 1) : null;
                    return new Page(items, more ? PageRequest.cursorAfter(last.createdAt(), last.id()) : null);
                });
    }

    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> retry(@Context ContainerRequestContext request, @PathParam("id") String id, byte[] body) {
        String client = Caller.of(request);
        if (!Ids.couldBe("whd", id)) {
            throw new WebhookDeliveryNotFound();
        }
        String key = IdempotencyKeys.of(request);
        return idempotency.run(client, key, "POST", "/v1/webhook-deliveries/" + id + "/retry", body,
                () -> deliveries.retry(client, id).map(delivery -> Response.ok(delivery).build()));
    }
}
