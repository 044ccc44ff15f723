package com.example.dokuemulator;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * DOKU's card API, at the same paths as DOKU's. Bodies arrive as raw bytes: the signature's digest
 * is over exactly those bytes, and they are parsed only after it is verified.
 */
@Path("/")
public class DokuEmulatorResource {

    private final EmulatorExchange exchange;

    DokuEmulatorResource(EmulatorExchange exchange) {
        this.exchange = exchange;
    }

    @POST
    @Path("/credit-card/v1/payment-page")
    public Uni<Response> paymentPage(@Context HttpServerRequest http, byte[] body) {
        return exchange.handle(Operation.PAYMENT_PAGE, http, body, null);
    }

    @POST
    @Path("/credit-card/check-three-d-secure")
    public Uni<Response> checkThreeDSecure(@Context HttpServerRequest http, byte[] body) {
        return exchange.handle(Operation.CHECK_THREE_D_SECURE, http, body, null);
    }

    @POST
    @Path("/credit-card/charge")
    public Uni<Response> charge(@Context HttpServerRequest http, byte[] body) {
        return exchange.handle(Operation.CHARGE, http, body, null);
    }

    @POST
    @Path("/credit-card/capture")
    public Uni<Response> capture(@Context HttpServerRequest http, byte[] body) {
        return exchange.handle(Operation.CAPTURE, http, body, null);
    }

    @POST
    @Path("/cancellation/credit-card/refund")
    public Uni<Response> refund(@Context HttpServerRequest http, byte[] body) {
        return exchange.handle(Operation.REFUND, http, body, null);
    }

    /** Check status is a GET without a body: its signature has no Digest line. */
    @GET
    @Path("/orders/v1/status/{id}")
    public Uni<Response> checkStatus(@Context HttpServerRequest http, @PathParam("id") String invoiceOrRequestId) {
        return exchange.handle(Operation.CHECK_STATUS, http, null, invoiceOrRequestId);
    }

    @POST
    @Path("/tokenization/v1/tokens")
    public Uni<Response> listTokens(@Context HttpServerRequest http, byte[] body) {
        return exchange.handle(Operation.LIST_TOKENS, http, body, null);
    }

    @POST
    @Path("/credit-card/delete-tokenization")
    public Uni<Response> deleteToken(@Context HttpServerRequest http, byte[] body) {
        return exchange.handle(Operation.DELETE_TOKEN, http, body, null);
    }
}
