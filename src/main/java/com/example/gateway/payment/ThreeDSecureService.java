package com.example.gateway.payment;

import com.example.gateway.payment.provider.PaymentProvider;
import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.support.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * 3-D Secure authentications in the gateway's terms: made for a caller who will charge a card number
 * itself ({@code POST /v1/three-d-secure}), read back, and the customer's browser coming back from the
 * issuer's challenge, which, for a payment the gateway holds, sends its charge.
 */
@ApplicationScoped
public class ThreeDSecureService {

    private final PaymentProvider provider;
    /** A saved card's check goes out under its holder's DOKU customer id, and only for the caller's own card. */
    private final ProviderCustomerDirectory customers;
    private final ThreeDSecureAuthentications authentications;
    private final PaymentService paymentService;
    private final Payments payments;
    private final PaymentMetrics metrics;
    private final ReconcileSchedule schedule;
    private final Clock clock;

    ThreeDSecureService(PaymentProvider provider, ThreeDSecureAuthentications authentications, PaymentService paymentService,
            Payments payments, PaymentMetrics metrics, ReconcileSchedule schedule, ProviderCustomerDirectory customers,
            Clock clock) {
        this.provider = provider;
        this.customers = customers;
        this.authentications = authentications;
        this.paymentService = paymentService;
        this.payments = payments;
        this.metrics = metrics;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Asks DOKU whether the card is enrolled; stores the authentication only once DOKU answered (a failed
     * check moved no money and leaves nothing behind).
     */
    public Uni<ThreeDSecureView> create(String client, NewThreeDSecure request) {
        ThreeDSecureAuthentication a = authentications.newAuthentication(client, request.invoiceNumber(), request.amount(),
                request.customer(), request.card(), request.returnUrl(), request.failedUrl(), null);
        return customers.idFor(client, request.customer(), request.card())
                .chain(dokuCustomerId -> provider.checkThreeDSecure(a.dokuRequestId, ProviderRequests.threeDSecureCheck(
                        request.invoiceNumber(), request.amount(), dokuCustomerId, request.card(),
                        authentications.returnUrl(a, true), authentications.returnUrl(a, false))))
                .onFailure(ProviderFailures::isProviderFailure).transform(ProviderFailures::ofCheck)
                .chain(enrollment -> {
                    a.dokuAuthenticationId = enrollment.authenticationId();
                    a.authenticationUrl = enrollment.authenticationUrl();
                    a.status = enrollment.enrolled() ? ThreeDSecureStatus.PENDING_CHALLENGE : ThreeDSecureStatus.NOT_ENROLLED;
                    return Panache.withTransaction(a::persist);
                })
                .map(stored -> ThreeDSecureView.of(a, clock.instant()));
    }

    public Uni<ThreeDSecureView> get(String client, String id) {
        return authentications.find(client, id).map(a -> ThreeDSecureView.of(a, clock.instant()));
    }

    /**
     * The customer's browser is back from the issuer's challenge ({@code passed}: by DOKU's success callback).
     * Records the outcome once; for a payment the gateway holds, sends its charge (passed) or fails it, and
     * answers where the browser goes next: the caller's return URL, or its failed URL when nothing was paid.
     * The callback proves nothing by itself: a forged "passed" only sends the charge, which DOKU refuses
     * unless the issuer authenticated the customer.
     */
    public Uni<URI> returned(String id, boolean passed) {
        Instant now = clock.instant();
        return payments.transaction(unit -> ThreeDSecureAuthentication.<ThreeDSecureAuthentication>findById(id,
                        LockModeType.PESSIMISTIC_WRITE)
                .chain(a -> {
                    if (a == null) {
                        return Uni.createFrom().failure(new ThreeDSecureNotFound());
                    }
                    if (a.status == ThreeDSecureStatus.PENDING_CHALLENGE) {
                        a.status = !now.isBefore(a.expiresAt) ? ThreeDSecureStatus.EXPIRED
                                : passed ? ThreeDSecureStatus.AUTHENTICATED : ThreeDSecureStatus.FAILED;
                        a.updatedAt = now;
                    }
                    if (a.paymentId == null) {
                        return Uni.createFrom().item(new Returned(a, null, null));
                    }
                    return payments.lock(a.paymentId)
                            .map(p -> new Returned(a, p, p.status == PaymentStatus.REQUIRES_AUTHENTICATION ? settle(unit, a, p, now) : null));
                }))
                .chain(r -> r.heldCharge() == null ? Uni.createFrom().item(r)
                        : paymentService.chargeHeld(r.payment(), r.heldCharge())
                                .onFailure(DomainException.class).recoverWithItem(r.payment())
                                .chain(() -> payments.find(r.payment().id))
                                .map(charged -> new Returned(r.authentication(), charged, null)))
                .map(ThreeDSecureService::nextStop);
    }

    private record Returned(ThreeDSecureAuthentication authentication, Payment payment, byte[] heldCharge) {
    }

    /**
     * Under both row locks: an authenticated customer's payment goes back to PENDING and its held charge is
     * taken (answered, to be sent after commit); any other outcome fails the payment. Answers null then.
     */
    private byte[] settle(UnitOfWork unit, ThreeDSecureAuthentication a, Payment p, Instant now) {
        p.authenticationUrl = null;
        if (a.status == ThreeDSecureStatus.AUTHENTICATED) {
            byte[] charge = a.chargeRequest;
            a.chargeRequest = null;
            a.status = ThreeDSecureStatus.USED;
            a.usedByPaymentId = p.id;
            metrics.moved(p, PaymentStateMachine.apply(unit, p, PaymentStateMachine.Happening.STILL_PAYING, Cause.API, now));
            schedule.afterWriteAhead(p, now);
            return charge;
        }
        authentications.failUnauthenticated(unit, a, p, Cause.API, now);
        return null;
    }

    private static URI nextStop(Returned r) {
        ThreeDSecureAuthentication a = r.authentication();
        boolean paid = r.payment() == null ? a.status == ThreeDSecureStatus.AUTHENTICATED || a.status == ThreeDSecureStatus.USED
                : r.payment().status != PaymentStatus.FAILED;
        String base = paid || a.failedUrl == null ? a.returnUrl : a.failedUrl;
        String query = r.payment() == null ? "three_d_secure_id=" + encode(a.id) : "payment_id=" + encode(r.payment().id);
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
