package com.example.gateway.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request body is read as JSON only when it says it is: {@code application/json}, with no charset
 * or UTF-8. JAX-RS matches a request without a Content-Type to any {@code @Consumes}, so a text/plain
 * capture would otherwise be parsed and acted on; anything else with a body is 415 before it is read.
 * A request without a body (a full capture, a sync) needs no Content-Type. Structured-syntax suffixes
 * ({@code application/merge-patch+json}, ...) name formats with other semantics and are refused too.
 * DOKU's notification receiver consumes any type (it verifies a signature over the raw bytes) and is
 * not concerned.
 */
public class DeclaredJsonBodies {

    @ServerRequestFilter
    public Response onlyDeclaredJson(ContainerRequestContext request, ResourceInfo resource) {
        if (!consumesJson(resource) || !hasBody(request) || isUtf8Json(request.getMediaType())) {
            return null;
        }
        return ProblemMapper.toResponse(Problem.of(415, "unsupported_media_type", "Unsupported Media Type",
                "A request body must be sent as 'Content-Type: application/json' in UTF-8"));
    }

    private static boolean consumesJson(ResourceInfo resource) {
        Consumes consumes = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Consumes.class);
        return consumes != null && Arrays.asList(consumes.value()).contains(MediaType.APPLICATION_JSON);
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean isUtf8Json(MediaType type) {
        if (type == null || !type.getType().equalsIgnoreCase("application")
                || !type.getSubtype().equalsIgnoreCase("json")) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || charset.equalsIgnoreCase(StandardCharsets.UTF_8.name());
    }
}
