package com.example.gateway.payment;

import com.example.gateway.support.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/** 3-D Secure authentication rows: made, claimed once by a charge, and given back when DOKU never saw it. */
@ApplicationScoped
public class ThreeDSecureAuthentications {

    private final Payments payments;
    private final PaymentMetrics metrics;
    private final ReconcileSchedule schedule;
    private final Clock clock;
    private final PaymentConfig.ThreeDSecure settings;

    ThreeDSecureAuthentications(Payments payments, PaymentMetrics metrics, ReconcileSchedule schedule, Clock clock,
            PaymentConfig config) {
        this.payments = payments;
        this.metrics = metrics;
        this.schedule = schedule;
        this.clock = clock;
        this.settings = config.threeDSecure();
    }

    /** A new authentication, not yet stored; {@code paymentId} names the payment the gateway will charge, if any. */
    ThreeDSecureAuthentication newAuthentication(String client, String invoiceNumber, long amount,
            NewPayment.Customer customer, NewPayment.Card card, String returnUrl, String failedUrl, String paymentId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ThreeDSecureAuthentication a = new ThreeDSecureAuthentication();
        a.id = Ids.newId("tds");
        a.clientName = client;
        a.invoiceNumber = invoiceNumber;
        a.amount = amount;
        a.customerId = customer == null ? null : customer.id();
        a.cardToken = card.token();
        a.status = ThreeDSecureStatus.PENDING_CHALLENGE;
        a.dokuRequestId = Ids.newRequestId();
        a.returnUrl = returnUrl;
        a.failedUrl = failedUrl;
        a.paymentId = paymentId;
        a.expiresAt = now.plus(settings.validity());
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    /** Where the issuer sends the customer's browser back to, after a passed or a failed challenge. */
    String returnUrl(ThreeDSecureAuthentication a, boolean passed) {
        return settings.publicUrl().replaceAll("/+$", "") + "/v1/three-d-secure-returns/"
                + URLEncoder.encode(a.id, StandardCharsets.UTF_8) + "?outcome=" + (passed ? "passed" : "failed");
    }

    /** The authentication if {@code client} made it; a missing one or another client's is "not found". */
    Uni<ThreeDSecureAuthentication> find(String client, String id) {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(
                        () -> ThreeDSecureAuthentication.<ThreeDSecureAuthentication>findById(id))
                .map(a -> ownedBy(client, a));
    }

    /**
     * Takes the authentication for {@code payment}, which the caller charges with {@code card}: it must be
     * AUTHENTICATED or NOT_ENROLLED, unexpired, for the payment's amount and the same saved card (or a card
     * number, which DOKU checks), and not one the gateway charges itself. Answers DOKU's authentication id.
     */
    Uni<String> claim(String client, String id, Payment payment, NewPayment.Card card) {
        Instant now = clock.instant();
        return payments.transaction(unit -> ThreeDSecureAuthentication.<ThreeDSecureAuthentication>findById(id,
                LockModeType.PESSIMISTIC_WRITE).map(found -> {
                    ThreeDSecureAuthentication a = ownedBy(client, found);
                    ThreeDSecureStatus status = a.statusAt(now);
                    if (a.paymentId != null) {
                        throw new ThreeDSecureNotUsable("The gateway charges this authentication's own payment "
                                + a.paymentId + " itself once the customer passes the challenge");
                    }
                    if (!status.usable()) {
                        throw new ThreeDSecureNotUsable("The authentication is " + status
                                + "; a charge needs one that is AUTHENTICATED or NOT_ENROLLED");
                    }
                    if (a.amount != payment.amount) {
                        throw new ThreeDSecureNotUsable("The authentication was made for another amount");
                    }
                    if (!Objects.equals(a.cardToken, card.token())) {
                        throw new ThreeDSecureNotUsable("The authentication was made for another card");
                    }
                    a.status = ThreeDSecureStatus.USED;
                    a.usedByPaymentId = payment.id;
                    a.updatedAt = now;
                    return a.dokuAuthenticationId;
                }));
    }

    /** Gives back an authentication claimed by a payment whose charge certainly never reached DOKU. */
    Uni<Void> release(String id, String paymentId) {
        return payments.transaction(unit -> ThreeDSecureAuthentication.<ThreeDSecureAuthentication>findById(id,
                LockModeType.PESSIMISTIC_WRITE).invoke(a -> {
                    if (a != null && paymentId.equals(a.usedByPaymentId)) {
                        // An enrolled card's authentication has its challenge URL; a card not enrolled has none.
                        a.status = a.authenticationUrl != null ? ThreeDSecureStatus.AUTHENTICATED : ThreeDSecureStatus.NOT_ENROLLED;
                        a.usedByPaymentId = null;
                        a.updatedAt = clock.instant();
                    }
                })).replaceWithVoid();
    }

    /**
     * For reconciliation: a payment still waiting for its customer's challenge once its authentication has
     * expired fails (nothing was charged); so does one whose check 3-D Secure never got recorded (a crash),
     * once an authentication made then would have expired. Otherwise it is asked about again at expiry.
     * Locks the authentication before the payment, as the browser's return does.
     */
    Uni<Void> expireIfLapsed(String paymentId) {
        Instant now = clock.instant();
        return payments.transaction(unit -> ThreeDSecureAuthentication.<ThreeDSecureAuthentication>find("paymentId", paymentId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(a -> payments.lock(paymentId).invoke(p -> {
                    if (p.status != PaymentStatus.REQUIRES_AUTHENTICATION) {
                        return;
                    }
                    Instant expiresAt = a != null ? a.expiresAt : p.createdAt.plus(settings.validity());
                    if (now.isBefore(expiresAt)) {
                        schedule.afterAuthenticationRequired(p, expiresAt);
                    } else if (a != null) {
                        a.status = ThreeDSecureStatus.EXPIRED;
                        failUnauthenticated(unit, a, p, Transition.Cause.RECONCILIATION, now);
                    } else {
                        fail(unit, p, ThreeDSecureStatus.EXPIRED, Transition.Cause.RECONCILIATION, now);
                    }
                })).replaceWithVoid());
    }

    /** Under both row locks: a payment whose customer did not authenticate fails; nothing was charged. */
    void failUnauthenticated(UnitOfWork unit, ThreeDSecureAuthentication a, Payment p, Transition.Cause cause, Instant now) {
        a.chargeRequest = null;
        a.updatedAt = now;
        fail(unit, p, a.statusAt(now), cause, now);
    }

    private void fail(UnitOfWork unit, Payment p, ThreeDSecureStatus status, Transition.Cause cause, Instant now) {
        p.authenticationUrl = null;
        p.failureCode = "authentication_" + status.name().toLowerCase(Locale.ROOT);
        p.failureMessage = status == ThreeDSecureStatus.EXPIRED
                ? "The customer did not complete 3-D Secure in time" : "The customer failed or abandoned 3-D Secure";
        metrics.moved(p, PaymentStateMachine.apply(unit, p, PaymentStateMachine.Happening.DECLINED, cause, now));
        schedule.done(p);
    }

    private static ThreeDSecureAuthentication ownedBy(String client, ThreeDSecureAuthentication a) {
        if (a == null || !a.clientName.equals(client)) {
            throw new ThreeDSecureNotFound();
        }
        return a;
    }
}
