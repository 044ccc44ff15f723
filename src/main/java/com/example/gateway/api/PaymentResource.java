package com.example.gateway.api;

import com.example.gateway.payment.NewPayment;
import com.example.gateway.payment.PaymentService;
import com.example.gateway.payment.Payments;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Payments: create, read, list. Thin: validate, call one service method, map the result. */
@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final PaymentService service;
    private final Payments payments;
    private final IdempotencyKeys idempotency;
    private final PaymentListing listing;

    PaymentResource(PaymentService service, Payments payments, IdempotencyKeys idempotency, PaymentListing listing) {
        this.service = service;
        this.payments = payments;
        this.idempotency = idempotency;
        this.listing = listing;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a payment (PAYMENT_PAGE or CHARGE)")
    public Uni<Response> create(@Context ContainerRequestContext request,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequestBody(description = "See API.md, Payments") byte[] body) {
        String client = Caller.of(request);
        IdempotencyKeys.validate(idempotencyKey);
        NewPayment payment = PaymentRequestReader.read(JsonBodies.parse(body));
        return idempotency.run(client, idempotencyKey, "POST", "/v1/payments", body,
                () -> service.create(client, payment)
                        .map(created -> Response.status(201).entity(PaymentView.of(created)).build()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A payment by id")
    public Uni<PaymentView> get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return payments.findForClient(Caller.of(request), id).map(PaymentView::of);
    }

    @GET
    @Operation(summary = "Payments, newest first, keyset-paginated")
    public Uni<PaymentListing.Page> list(@Context ContainerRequestContext request,
            @QueryParam("invoice_number") String invoiceNumber, @QueryParam("customer_id") String customerId,
            @QueryParam("status") String status, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return listing.list(Caller.of(request), invoiceNumber, customerId, status, limit, cursor);
    }
}
