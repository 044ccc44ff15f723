package com.example.gateway.payment;

import com.example.gateway.doku.DokuClient;
import com.example.gateway.doku.DokuRejectedException;
import com.example.gateway.doku.DokuUnavailableException;
import com.example.gateway.doku.TransactionReport;
import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.support.Database;
import com.example.gateway.support.DomainException;
import com.example.gateway.support.Ids;
import com.example.gateway.support.LogContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Creates payments. Write-ahead: the payment and its DOKU Request-Id are committed before DOKU is
 * called, and DOKU's answer (or its absence) is recorded afterwards in a second transaction.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    private final DokuClient doku;
    private final Payments payments;
    private final PaymentMetrics metrics;
    private final ReconcileSchedule schedule;
    private final Clock clock;

    PaymentService(DokuClient doku, Payments payments, PaymentMetrics metrics, ReconcileSchedule schedule, Clock clock) {
        this.schedule = schedule;
        this.doku = doku;
        this.payments = payments;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Uni<Payment> create(String client, NewPayment request) {
        Payment payment = newPending(client, request);
        LogContext.payment(payment.id, client);
        LogContext.dokuRequest(payment.dokuRequestId);
        // Built before anything is stored, so a request that cannot be turned into DOKU's leaves no row.
        byte[] pageRequest = request.flow() == PaymentFlow.PAYMENT_PAGE
                ? doku.paymentPageRequest(DokuRequests.page(request)) : null;
        payment.pageRequest = pageRequest;
        return payments.insert(payment)
                .onFailure(e -> Database.isUniqueViolation(e, "payments_invoice_number_key"))
                .transform(e -> new InvoiceNumberExists())
                .invoke(() -> metrics.created(payment))
                .chain(() -> switch (request.flow()) {
                    case PAYMENT_PAGE -> doku.createPaymentPage(payment.dokuRequestId, pageRequest)
                            .onItemOrFailure().transformToUni((url, failure) -> failure == null
                                    ? payments.pageOpened(payment, p -> {
                                        p.pageOpened(url, Cause.API, clock.instant());
                                        schedule.afterPageOpened(p, clock.instant());
                                    })
                                    : recordFailure(payment, failure));
                    case CHARGE -> doku.charge(payment.dokuRequestId, DokuRequests.charge(request))
                            .onItemOrFailure().transformToUni((report, failure) -> failure == null
                                    ? payments.update(payment.id, p -> charged(p, report))
                                    : recordFailure(payment, failure));
                });
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
        payment.createdAt = now;
        payment.updatedAt = now;
        // Written with the row: if we never record DOKU's answer, reconciliation will ask for it.
        schedule.afterWriteAhead(payment, now);
        return payment;
    }

    private void charged(Payment payment, TransactionReport report) {
        metrics.moved(payment, PaymentOutcome.apply(payment, report, Cause.API, clock.instant()));
        schedule.done(payment);
    }

    /** DOKU did not give a usable answer: record what we know, then tell the caller. */
    private Uni<Payment> recordFailure(Payment payment, Throwable failure) {
        if (!DokuFailures.isDokuFailure(failure)) {
            return Uni.createFrom().failure(failure);
        }
        DomainException refusal = DokuFailures.of(failure, payment.id);
        Uni<?> record;
        if (failure instanceof DokuRejectedException rejected) {
            record = whileStillPending(payment.id, p -> {
                p.failureCode = rejected.errorCode();
                p.failureMessage = rejected.errorMessage();
                metrics.moved(p, PaymentStateMachine.move(p, PaymentStatus.FAILED, Cause.API, clock.instant()).isPresent());
                schedule.done(p);
            });
        } else if (failure instanceof DokuUnavailableException) {
            // Nothing reached DOKU for certain: drop the write-ahead row so the invoice can be retried.
            LOG.warnf("DOKU unavailable, payment %s withdrawn: %s", payment.id, failure.getMessage());
            record = payments.withdraw(payment.id);
        } else {
            LOG.warnf("DOKU outcome unknown for payment %s: %s", payment.id, failure.getMessage());
            record = whileStillPending(payment.id, p -> {
                metrics.moved(p, PaymentStateMachine.move(p, PaymentStatus.UNKNOWN, Cause.API, clock.instant()).isPresent());
                schedule.afterUnknown(p, clock.instant());
            });
        }
        return record.chain(() -> Uni.createFrom().failure(refusal));
    }

    /**
     * Records what a failed creation call means, unless DOKU's notification, racing the call's answer,
     * has already settled the payment: that is the truth, and a failure must never undo it.
     */
    private Uni<Payment> whileStillPending(String id, Consumer<Payment> change) {
        return payments.update(id, p -> {
            if (p.status == PaymentStatus.PENDING) {
                change.accept(p);
            }
        });
    }
}
