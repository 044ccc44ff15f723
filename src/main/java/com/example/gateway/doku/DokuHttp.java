package com.example.gateway.doku;

import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The raw wire to DOKU. Bodies are the exact bytes that were signed, so the client never
 * re-serializes them; answers come back as {@link Response} whatever their status.
 */
@RegisterRestClient(configKey = "doku")
interface DokuHttp {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> post(@Url String url,
            @HeaderParam("Client-Id") String clientId,
            @HeaderParam("Request-Id") String requestId,
            @HeaderParam("Request-Timestamp") String timestamp,
            @HeaderParam("Signature") String signature,
            byte[] body);

    @GET
    Uni<Response> get(@Url String url,
            @HeaderParam("Client-Id") String clientId,
            @HeaderParam("Request-Id") String requestId,
            @HeaderParam("Request-Timestamp") String timestamp,
            @HeaderParam("Signature") String signature);
}
