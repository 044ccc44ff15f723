package com.example.gateway.api;

import com.example.gateway.support.RequestTiming;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Server-Timing} on every answer of the API port (W3C Server Timing): {@code gateway;dur=<ms>},
 * the gateway's own time, and {@code doku;dur=<ms>}, the time spent waiting for DOKU, when it was
 * called ({@link RequestTiming}). Installed first on the router, so that the HTTP layer's own refusals
 * ({@link HttpLimits}), authentication failures and validation errors carry it too; written when the
 * headers go out, so that it covers everything up to the answer.
 */
@ApplicationScoped
public class ServerTimingHeader {

    static final String NAME = "Server-Timing";

    void install(@Observes Router router) {
        // Before HttpLimits (which is before the security filters): nothing answers earlier.
        router.route().order(-SecurityHandlerPriorities.CORS - 2).handler(ServerTimingHeader::time);
    }

    private static void time(RoutingContext context) {
        RequestTiming timing = RequestTiming.start();
        if (timing != null) {
            context.addHeadersEndHandler(ignored -> context.response().headers().set(NAME, timing.header(System.nanoTime())));
        }
        context.next();
    }
}
