package com.example.gateway.payment;

import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.payment.provider.PaymentProvider;
import com.example.gateway.payment.provider.ProviderCall;
import com.example.gateway.payment.provider.ProviderRejected;
import com.example.gateway.payment.provider.ProviderUnavailable;
import com.example.gateway.payment.provider.TransactionNews;
import com.example.gateway.support.Database;
import com.example.gateway.support.DomainException;
import com.example.gateway.support.Ids;
import com.example.gateway.support.LogContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Creates payments. Write-ahead: the payment and its DOKU Request-Id are committed before DOKU is
 * called, and DOKU's answer (or its absence) is recorded afterwards in a second transaction.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    private final PaymentProvider provider;
    private final Payments payments;
    private final PaymentMetrics metrics;
    private final ReconcileSchedule schedule;
    private final ProviderCustomerDirectory customers;
    private final ThreeDSecureAuthentications authentications;
    private final Clock clock;

    PaymentService(PaymentProvider provider, Payments payments, PaymentMetrics metrics, ReconcileSchedule schedule,
            ProviderCustomerDirectory customers, ThreeDSecureAuthentications authentications, Clock clock) {
        this.authentications = authentications;
        this.schedule = schedule;
        this.customers = customers;
        this.provider = provider;
        this.payments = payments;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Uni<Payment> create(String client, NewPayment request) {
        return customers.idFor(client, request.customer(), request.card())
                .chain(dokuCustomerId -> create(client, request, dokuCustomerId));
    }

    private Uni<Payment> create(String client, NewPayment request, String dokuCustomerId) {
        Payment payment = newPending(client, request);
        LogContext.payment(payment.id, client);
        LogContext.dokuRequest(payment.dokuRequestId);
        if (gatewayAuthenticates(request)) {
            PaymentStateMachine.awaitAuthentication(payment);
        }
        // Built before the payment is stored, so a request that cannot be turned into DOKU's leaves no payment.
        byte[] pageRequest = request.flow() == PaymentFlow.PAYMENT_PAGE
                ? provider.paymentPageRequest(ProviderRequests.page(request, dokuCustomerId)) : null;
        payment.pageRequest = pageRequest;
        ProviderCall call = request.flow() == PaymentFlow.PAYMENT_PAGE ? ProviderCall.PAYMENT_PAGE : ProviderCall.CHARGE;
        return ProviderFailures.whileAvailable(provider, call)
                .chain(() -> payments.insert(payment))
                .onFailure(e -> Database.isUniqueViolation(e, "payments_invoice_number_key"))
                .transform(e -> new InvoiceNumberExists())
                .invoke(() -> metrics.created(payment))
                .chain(() -> switch (request.flow()) {
                    case PAYMENT_PAGE -> provider.createPaymentPage(payment.dokuRequestId, pageRequest)
                            .onItemOrFailure().transformToUni((url, failure) -> failure == null
                                    ? payments.recordAnswer(payment, (unit, p) -> {
                                        p.pageOpened(unit, url, Cause.API, clock.instant());
                                        schedule.afterPageOpened(p, clock.instant());
                                    })
                                    : recordFailure(payment, failure));
                    case CHARGE -> charge(client, payment, request, dokuCustomerId);
                });
    }

    /**
     * A CHARGE: MOTO at once (DOKU asks no 3-D Secure of it); with the caller's authentication
     * ({@code three_dsecure_authentication_id}) once it is claimed for this payment; by a saved card's token
     * without one, after the gateway's own check 3-D Secure, and when the issuer challenges the customer,
     * only once the browser is back ({@link ThreeDSecureService#returned}).
     */
    private Uni<Payment> charge(String client, Payment payment, NewPayment request, String dokuCustomerId) {
        if (request.paymentType() == PaymentType.MOTO) {
            return sendCharge(payment, provider.chargeRequest(ProviderRequests.charge(request, dokuCustomerId, null)), false);
        }
        if (gatewayAuthenticates(request)) {
            return authenticateFirst(client, payment, request, dokuCustomerId);
        }
        String authenticationId = request.threeDSecureAuthenticationId();
        return authentications.claim(client, authenticationId, payment, request.card())
                .onFailure().call(() -> payments.withdraw(payment.id))
                .chain(dokuId -> sendCharge(payment, provider.chargeRequest(ProviderRequests.charge(request, dokuCustomerId, dokuId)), false)
                        // Nothing reached DOKU: the payment was withdrawn, and its authentication may pay again.
                        .onFailure(ProviderUnreachable.class).call(() -> authentications.release(authenticationId, payment.id)));
    }

    /** A SALE or AUTHORIZE by saved card without the caller's authentication: the gateway runs 3-D Secure. */
    private static boolean gatewayAuthenticates(NewPayment request) {
        return request.flow() == PaymentFlow.CHARGE && request.paymentType() != PaymentType.MOTO
                && request.threeDSecureAuthenticationId() == null;
    }

    /**
     * Check 3-D Secure for a saved card, holding the flow for the caller: a card not enrolled is charged at
     * once; otherwise the payment keeps waiting, REQUIRES_AUTHENTICATION, with the issuer's URL for the
     * customer and the charge to send (a token, no card data) kept with its authentication. A failed check
     * moved no money and leaves nothing behind.
     */
    private Uni<Payment> authenticateFirst(String client, Payment payment, NewPayment request, String dokuCustomerId) {
        ThreeDSecureAuthentication a = authentications.newAuthentication(client, payment.invoiceNumber, payment.amount,
                request.customer(), request.card(), request.callbackUrl(), request.failedUrl(), payment.id);
        return provider.checkThreeDSecure(a.dokuRequestId, ProviderRequests.threeDSecureCheck(payment.invoiceNumber,
                        payment.amount, dokuCustomerId, request.card(), authentications.returnUrl(a, true),
                        authentications.returnUrl(a, false)))
                .onFailure(ProviderFailures::isProviderFailure).recoverWithUni(failure -> payments.withdraw(payment.id)
                        .chain(() -> Uni.createFrom().failure(ProviderFailures.ofCheck(failure))))
                .chain(enrollment -> {
                    byte[] chargeRequest = provider.chargeRequest(ProviderRequests.charge(request, dokuCustomerId,
                            enrollment.authenticationId()));
                    if (!enrollment.enrolled()) {
                        return payments.update(payment.id, (unit, p) -> metrics.moved(p, PaymentStateMachine.apply(unit, p,
                                        PaymentStateMachine.Happening.STILL_PAYING, Cause.API, clock.instant())))
                                .chain(() -> sendCharge(payment, chargeRequest, false));
                    }
                    a.dokuAuthenticationId = enrollment.authenticationId();
                    a.authenticationUrl = enrollment.authenticationUrl();
                    a.chargeRequest = chargeRequest;
                    return payments.transaction(unit -> a.persist()
                            .chain(() -> payments.lock(payment.id))
                            .invoke(p -> {
                                p.authenticationUrl = a.authenticationUrl;
                                schedule.afterAuthenticationRequired(p, a.expiresAt);
                            }));
                });
    }

    /**
     * Sends the charge the gateway held while the customer authenticated ({@link ThreeDSecureService}) and
     * records DOKU's answer as at creation; but DOKU unreachable fails the payment rather than withdrawing it,
     * as its caller already holds its id.
     */
    Uni<Payment> chargeHeld(Payment payment, byte[] chargeRequest) {
        return sendCharge(payment, chargeRequest, true);
    }

    private Uni<Payment> sendCharge(Payment payment, byte[] chargeRequest, boolean held) {
        return provider.charge(payment.dokuRequestId, chargeRequest)
                .onItemOrFailure().transformToUni((report, failure) -> failure == null
                        ? recordCharge(payment, report)
                        : recordFailure(payment, failure, held));
    }

    /**
     * DOKU's answer to the charge, counted by the run of the change that was stored: {@link Payments#recordAnswer}
     * may apply it twice (to the payment as written, then as it stands under the lock).
     */
    private Uni<Payment> recordCharge(Payment payment, TransactionNews report) {
        AtomicBoolean moved = new AtomicBoolean();
        return payments.recordAnswer(payment, (unit, p) -> {
            moved.set(PaymentOutcome.apply(unit, p, report, Cause.API, clock.instant()));
            schedule.done(p);
        }).invoke(p -> metrics.moved(p, moved.get()));
    }

    private Payment newPending(String client, NewPayment request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Payment payment = new Payment();
        payment.id = Ids.newId("pay");
        payment.clientName = client;
        payment.invoiceNumber = request.invoiceNumber();
        payment.amount = request.amount();
        payment.flow = request.flow();
        payment.paymentType = request.paymentType();
        payment.dokuRequestId = Ids.newRequestId();
        payment.customerId = request.customerId();
        payment.metadata = request.metadata();
        payment.createdAt = now;
        payment.updatedAt = now;
        // Written with the row: if we never record DOKU's answer, reconciliation will ask for it.
        schedule.afterWriteAhead(payment, now);
        return payment;
    }

    /** DOKU did not give a usable answer: record what we know, then tell the caller. */
    private Uni<Payment> recordFailure(Payment payment, Throwable failure) {
        return recordFailure(payment, failure, false);
    }

    /** @param held a charge sent after 3-D Secure, whose payment the caller already knows: never withdrawn */
    private Uni<Payment> recordFailure(Payment payment, Throwable failure, boolean held) {
        if (!ProviderFailures.isProviderFailure(failure)) {
            return Uni.createFrom().failure(failure);
        }
        DomainException refusal = ProviderFailures.of(failure, payment.id);
        Uni<?> record;
        if (failure instanceof ProviderRejected rejected) {
            record = whileStillPending(payment.id, (unit, p) -> {
                p.failureCode = rejected.errorCode();
                p.failureMessage = rejected.errorMessage();
                metrics.moved(p, PaymentStateMachine.apply(unit, p, PaymentStateMachine.Happening.DECLINED, Cause.API, clock.instant()));
                schedule.done(p);
            });
        } else if (failure instanceof ProviderUnavailable && held) {
            LOG.warnf("DOKU unavailable, payment %s failed after 3-D Secure: %s", payment.id, failure.getMessage());
            record = whileStillPending(payment.id, (unit, p) -> {
                p.failureCode = "doku_unavailable";
                p.failureMessage = "DOKU could not be reached to charge after 3-D Secure; nothing was charged";
                metrics.moved(p, PaymentStateMachine.apply(unit, p, PaymentStateMachine.Happening.DECLINED, Cause.API, clock.instant()));
                schedule.done(p);
            });
        } else if (failure instanceof ProviderUnavailable) {
            // Nothing reached DOKU for certain: drop the write-ahead row so the invoice can be retried.
            LOG.warnf("DOKU unavailable, payment %s withdrawn: %s", payment.id, failure.getMessage());
            record = payments.withdraw(payment.id);
        } else {
            LOG.warnf("DOKU outcome unknown for payment %s: %s", payment.id, failure.getMessage());
            record = whileStillPending(payment.id, (unit, p) -> {
                metrics.moved(p, PaymentStateMachine.apply(unit, p, PaymentStateMachine.Happening.ANSWER_LOST, Cause.API, clock.instant()));
                schedule.afterUnknown(p, clock.instant());
            });
        }
        return record.chain(() -> Uni.createFrom().failure(refusal));
    }

    /**
     * Records what a failed creation call means, unless DOKU's notification, racing the call's answer,
     * has already settled the payment: that is the truth, and a failure must never undo it.
     */
    private Uni<Payment> whileStillPending(String id, BiConsumer<UnitOfWork, Payment> change) {
        return payments.update(id, (unit, p) -> {
            if (p.status == PaymentStatus.PENDING) {
                change.accept(unit, p);
            }
        });
    }
}
