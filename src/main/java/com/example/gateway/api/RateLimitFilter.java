package com.example.gateway.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Holds every authenticated API call to its client's {@link RateLimits rate limit}, after
 * authentication and before the resource runs: a limited request does nothing (no row, no DOKU call,
 * no Idempotency-Key stored) and is answered 429 {@code rate_limited} with {@code Retry-After}. DOKU's
 * notifications have no client and are not limited here.
 */
public class RateLimitFilter {

    private final RateLimits limits;

    RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response limit(ContainerRequestContext request, SimpleResourceInfo resource) {
        Principal client = request.getSecurityContext().getUserPrincipal();
        if (client == null || resource.getResourceClass() == DokuNotificationResource.class) {
            return null;
        }
        OptionalLong wait = limits.take(client.getName());
        if (wait.isEmpty()) {
            return null;
        }
        Problem problem = Problem.of(429, "rate_limited", "Too Many Requests",
                "This client's rate limit is used up; nothing was done. Retry after Retry-After seconds");
        return Response.fromResponse(ProblemMapper.toResponse(problem))
                .header(HttpHeaders.RETRY_AFTER, wait.getAsLong()).build();
    }
}
