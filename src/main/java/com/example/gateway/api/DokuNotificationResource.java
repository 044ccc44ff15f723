package com.example.gateway.api;

import com.example.gateway.notification.IncomingNotification;
import com.example.gateway.notification.NotificationResult;
import com.example.gateway.notification.NotificationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** DOKU's HTTP notifications: authenticated by DOKU's signature, not by an API key. */
@PermitAll
@Path("/v1/doku/notifications")
public class DokuNotificationResource {

    private final NotificationService notifications;

    DokuNotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam("Client-Id") String clientId, @HeaderParam("Request-Id") String requestId,
            @HeaderParam("Request-Timestamp") String timestamp, @HeaderParam("Signature") String signature,
            @Context UriInfo uri, byte[] body) {
        IncomingNotification incoming = new IncomingNotification(clientId, requestId, timestamp, signature,
                body == null ? new byte[0] : body);
        return notifications.receive(incoming, uri.getPath()).map(DokuNotificationResource::answer);
    }

    private static Response answer(NotificationResult result) {
        return switch (result) {
            case INVALID_SIGNATURE -> ProblemMapper.toResponse(Problem.of(401, "invalid_signature",
                    "Invalid signature", "The notification's signature or timestamp did not verify"));
            case INVALID_NOTIFICATION -> ProblemMapper.toResponse(Problem.of(400, "invalid_notification",
                    "Invalid notification", "The body is not a JSON object of clean UTF-8 text"));
            // DOKU tries again later; the notification is recorded meanwhile.
            case UNKNOWN_INVOICE -> ProblemMapper.toResponse(Problem.of(404, "payment_not_found",
                    "Payment not found", "No payment has this invoice number"));
            default -> Response.ok(Map.of("result", result.tag())).build();
        };
    }
}
