package com.example.gateway.api;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The authenticated internal client of a request, as {@link ApiKeyFilter} found it. */
final class Caller {

    private Caller() {
    }

    static String of(ContainerRequestContext request) {
        Object client = request.getProperty(ApiKeyFilter.CLIENT_PROPERTY);
        if (client == null) {
            throw new IllegalStateException("request reached a /v1 resource without authentication");
        }
        return (String) client;
    }
}
