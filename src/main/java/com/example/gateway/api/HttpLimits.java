package com.example.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP layer's own refusals as problem+json: Vert.x answers an over-long request line or header
 * block, an oversized body and a path it cannot decode with an empty body. So the request-line and
 * header limits are enforced here (Netty's, {@code quarkus.http.limits.max-initial-line-length} and
 * {@code max-header-size}, are set higher as a backstop) and the body limit is checked against
 * Content-Length before Quarkus's own check runs.
 *
 * <p>A request target that is not a valid URI (a broken percent escape such as {@code %zz}) and a
 * header with a control character (a NUL in {@code Authorization}) are refused by Quarkus's root
 * handler and by Netty's decoder with an empty 400, unless {@link HttpTransportSettings} hands them
 * here: {@link #enforce} refuses both as the same 400, as a problem.
 */
@ApplicationScoped
public class HttpLimits {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]");

    private final ObjectMapper json;
    private final int maxRequestLine;
    private final int maxHeaderSize;
    private final long maxBodySize;

    HttpLimits(ObjectMapper json,
            ApiConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxRequestLine = config.http().maxRequestLine();
        this.maxHeaderSize = (int) config.http().maxHeaderSize().asLongValue();
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // Before the security filters (CORS, then authentication, which cannot read a broken path) and
        // Quarkus's own body-size check: all of them answer without a body. Filters run at -priority.
        router.route().order(-SecurityHandlerPriorities.CORS - 1).handler(this::enforce);
    }

    private void enforce(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (requestLineLength(request) > maxRequestLine) {
            answer(context, 414);
        } else if (headerBytes(request) > maxHeaderSize) {
            answer(context, 431);
        } else if (!isValidUri(request.uri()) || !hasValidHeaders(request)) {
            answer(context, 400);
        } else if (declaredBodySize(request) > maxBodySize) {
            answer(context, 413);
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

    /** The check Quarkus makes before any route (a broken percent escape, a raw space, ...). */
    private static boolean isValidUri(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The check Netty's decoder makes when header validation is on (RFC 9110): a name is a token, a
     * value has no control character but horizontal tab.
     */
    private static boolean hasValidHeaders(HttpServerRequest request) {
        for (Map.Entry<String, String> header : request.headers()) {
            if (!TOKEN.matcher(header.getKey()).matches() || CONTROL.matcher(header.getValue()).find()) {
                return false;
            }
        }
        return true;
    }

    /** {@code METHOD SP request-target SP HTTP/1.1}, as Netty's max-initial-line-length counts it. */
    private static int requestLineLength(HttpServerRequest request) {
        return request.method().name().length() + 1 + request.uri().length() + " HTTP/1.1".length();
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
