package com.example.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP layer's own refusals as problem+json: Vert.x answers an over-long request line or header
 * block, an oversized body and a path it cannot decode with an empty body. So the request-line and
 * header limits are enforced here (Netty's, {@code quarkus.http.limits.max-initial-line-length} and
 * {@code max-header-size}, are set higher as a backstop), the body limit is checked against
 * Content-Length before Quarkus's own check runs, and router failures with a 4xx status get a body.
 */
@ApplicationScoped
public class HttpLimits {

    private final ObjectMapper json;
    private final int maxRequestLine;
    private final int maxHeaderSize;
    private final long maxBodySize;

    HttpLimits(ObjectMapper json,
            @ConfigProperty(name = "gateway.http.max-request-line", defaultValue = "4096") int maxRequestLine,
            @ConfigProperty(name = "gateway.http.max-header-size", defaultValue = "16K") MemorySize maxHeaderSize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderSize = (int) maxHeaderSize.asLongValue();
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::enforce);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::describeFailure);
        // A path or query with a broken percent escape fails before any route matches.
        router.errorHandler(400, this::describeFailure);
    }

    private void enforce(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method().name().length() + request.uri().length() + " HTTP/1.1".length() + 1 > maxRequestLine) {
            answer(context, 414);
        } else if (headerBytes(request) > maxHeaderSize) {
            answer(context, 431);
        } else if (declaredBodySize(request) > maxBodySize) {
            answer(context, 413);
        } else {
            context.next();
        }
    }

    /** A failure of the router itself (a path it cannot decode, say): problem+json instead of an empty 4xx. */
    private void describeFailure(RoutingContext context) {
        int status = context.statusCode();
        if (status >= 400 && status < 500 && !context.response().headWritten()) {
            answer(context, status);
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context, int status) {
        // The rest of an unread body would be taken for the next request: close the connection after.
        HttpServerRequest request = context.request();
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> request.connection().close())
                .end(serialize(Problem.ofStatus(status)));
    }

    private static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private static long declaredBodySize(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // Netty refuses a malformed Content-Length before we see it
        }
    }

    private String serialize(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
