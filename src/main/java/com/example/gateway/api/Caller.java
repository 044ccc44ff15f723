package com.example.gateway.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.Principal;

/** The internal client a request was authenticated as ({@link ApiKeyAuthentication}): its name scopes everything it sees. */
final class Caller {

    private Caller() {
    }

    static String of(ContainerRequestContext request) {
        Principal client = request.getSecurityContext().getUserPrincipal();
        if (client == null) {
            throw new IllegalStateException("request reached a /v1 resource without authentication");
        }
        return client.getName();
    }
}
