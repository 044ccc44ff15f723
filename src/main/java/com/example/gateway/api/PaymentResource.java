package com.example.gateway.api;

import com.example.gateway.payment.CaptureService;
import com.example.gateway.payment.NewPayment;
import com.example.gateway.payment.PaymentEvents;
import com.example.gateway.payment.PaymentNotFound;
import com.example.gateway.payment.PaymentService;
import com.example.gateway.payment.PaymentView;
import com.example.gateway.payment.Payments;
import com.example.gateway.payment.Reconciler;
import com.example.gateway.payment.RefundService;
import com.example.gateway.payment.RefundView;
import com.example.gateway.support.Ids;
import com.example.gateway.webhook.AllowedHosts;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Supplier;

/**
 * Payments and the money movements on them. Thin: validate (all of it before anything is stored or
 * sent), call one service method, map the result. Every POST honours {@code Idempotency-Key}.
 */
@Authenticated
@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final PaymentService creation;
    private final CaptureService captures;
    private final RefundService refunds;
    private final Reconciler reconciler;
    private final Payments payments;
    private final IdempotencyKeys idempotency;
    private final PaymentListing listing;
    private final PaymentEvents events;
    private final AllowedHosts notificationHosts;

    PaymentResource(PaymentService creation, CaptureService captures, RefundService refunds, Reconciler reconciler,
            Payments payments, IdempotencyKeys idempotency, PaymentListing listing, PaymentEvents events,
            NotificationUrlConfig notificationUrls) {
        this.creation = creation;
        this.captures = captures;
        this.refunds = refunds;
        this.reconciler = reconciler;
        this.payments = payments;
        this.idempotency = idempotency;
        this.listing = listing;
        this.events = events;
        this.notificationHosts = new AllowedHosts(notificationUrls.allowedHosts().orElse(List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Context ContainerRequestContext request, byte[] body) {
        String client = Caller.of(request);
        String idempotencyKey = IdempotencyKeys.of(request);
        NewPayment payment = PaymentRequestReader.read(JsonBodies.parse(body), notificationHosts);
        return idempotent(client, idempotencyKey, "/v1/payments", body, () -> creation.create(client, payment)
                .map(created -> Response.status(201).entity(PaymentView.ofNew(created)).build()));
    }

    @GET
    @Path("{id}")
    public Uni<PaymentView> get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return view(Caller.of(request), paymentId(id));
    }

    /** The payment's history, oldest first: each event exactly as webhooks deliver it. */
    @GET
    @Path("{id}/events")
    public Uni<Response> events(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return events.history(Caller.of(request), paymentId(id))
                .map(bodies -> Response.ok("{\"items\":[" + String.join(",", bodies) + "]}").build());
    }

    /** The metadata search ({@code metadata[key]=value}, any keys) is read from all of {@code uri}'s parameters. */
    @GET
    public Uni<PaymentListing.Page> list(@Context ContainerRequestContext request, @Context UriInfo uri,
            @QueryParam("invoice_number") String invoiceNumber, @QueryParam("customer_id") String customerId,
            @QueryParam("status") String status, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return listing.payments(Caller.of(request), invoiceNumber, customerId, status, limit, cursor,
                uri.getQueryParameters(true));
    }

    @POST
    @Path("{id}/capture")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> capture(@Context ContainerRequestContext request, @PathParam("id") String id, byte[] body) {
        String client = Caller.of(request);
        paymentId(id);
        String idempotencyKey = IdempotencyKeys.of(request);
        Long amount = AmountRequestReader.readCapture(JsonBodies.parse(body));
        return idempotent(client, idempotencyKey, "/v1/payments/" + id + "/capture", body,
                () -> captures.capture(client, id, amount, idempotencyKey).chain(p -> view(client, p.id))
                        .map(view -> Response.ok(view).build()));
    }

    @POST
    @Path("{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> refund(@Context ContainerRequestContext request, @PathParam("id") String id, byte[] body) {
        String client = Caller.of(request);
        paymentId(id);
        String idempotencyKey = IdempotencyKeys.of(request);
        RefundRequest refund = AmountRequestReader.readRefund(JsonBodies.parse(body));
        return idempotent(client, idempotencyKey, "/v1/payments/" + id + "/refunds", body,
                () -> refunds.refund(client, id, refund.amount(), refund.reason(), idempotencyKey)
                        .map(op -> Response.status(201).entity(RefundView.of(op)).build()));
    }

    @POST
    @Path("{id}/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> sync(@Context ContainerRequestContext request, @PathParam("id") String id, byte[] body) {
        String client = Caller.of(request);
        paymentId(id);
        String idempotencyKey = IdempotencyKeys.of(request);
        return idempotent(client, idempotencyKey, "/v1/payments/" + id + "/sync", body,
                () -> view(client, id).chain(() -> reconciler.reconcile(id)).chain(() -> view(client, id))
                        .map(view -> Response.ok(view).build()));
    }

    /** A path id that the gateway cannot have minted names no payment: 404 without asking the database. */
    private static String paymentId(String id) {
        if (!Ids.couldBe("pay", id)) {
            throw new PaymentNotFound();
        }
        return id;
    }

    private Uni<Response> idempotent(String client, String key, String path, byte[] body, Supplier<Uni<Response>> action) {
        return idempotency.run(client, key, "POST", path, body, action);
    }

    private Uni<PaymentView> view(String client, String id) {
        return payments.details(client, id).map(Payments.Details::view);
    }
}
