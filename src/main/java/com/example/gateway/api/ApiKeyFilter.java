package com.example.gateway.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bearer API keys on every {@code /v1/} endpoint except DOKU's notifications, which are
 * authenticated by their signature. The caller's name is left on the request for {@link Caller}.
 */
public class ApiKeyFilter {

    static final String CLIENT_PROPERTY = "gateway.client";
    private static final String NOTIFICATIONS_PATH = "/v1/doku/notifications";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") || path.equals(NOTIFICATIONS_PATH)) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<String> client = header != null && header.startsWith("Bearer ")
                ? keys.clientFor(header.substring("Bearer ".length()).trim())
                : Optional.empty();
        if (client.isEmpty()) {
            return Optional.of(ProblemMapper.toResponse(Problem.of(401, "unauthorized", "Unauthorized",
                    "A valid 'Authorization: Bearer <key>' header is required")));
        }
        request.setProperty(CLIENT_PROPERTY, client.get());
        return Optional.empty();
    }
}
