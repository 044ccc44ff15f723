package com.example.gateway.notification;

import com.example.gateway.doku.TransactionReport;
import com.example.gateway.payment.Payment;
import com.example.gateway.payment.PaymentOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Receives DOKU's notifications: stores each one as received, and applies an authentic one to its
 * payment exactly once, under the payment's row lock so concurrent deliveries serialize.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final NotificationVerifier verifier;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    NotificationService(NotificationVerifier verifier, ObjectMapper json, MeterRegistry meters, Clock clock) {
        this.verifier = verifier;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    public Uni<NotificationResult> receive(IncomingNotification incoming, String requestTarget) {
        ReceivedNotification record = recordOf(incoming, requestTarget);
        boolean authentic = verifier.isAuthentic(incoming);
        TransactionReport report = TransactionReport.parse(parse(incoming.body()));
        record.invoiceNumber = report.invoiceNumber();
        return Panache.withTransaction(() -> decide(record, authentic, report)
                        .invoke(result -> record.result = result)
                        .call(result -> record.persist()))
                .invoke(result -> {
                    meters.counter("gateway.notifications", "result", result.tag()).increment();
                    LOG.infof("DOKU notification %s for invoice %s: %s", incoming.requestId(), report.invoiceNumber(), result);
                });
    }

    private Uni<NotificationResult> decide(ReceivedNotification record, boolean authentic, TransactionReport report) {
        if (!authentic) {
            return Uni.createFrom().item(NotificationResult.INVALID_SIGNATURE);
        }
        if (report.invoiceNumber() == null) {
            return Uni.createFrom().item(NotificationResult.UNKNOWN_INVOICE);
        }
        return Payment.<Payment>find("invoiceNumber", report.invoiceNumber())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(payment -> {
                    if (payment == null) {
                        return Uni.createFrom().item(NotificationResult.UNKNOWN_INVOICE);
                    }
                    record.paymentId = payment.id;
                    return alreadyApplied(record.dokuRequestId)
                            .map(applied -> applied ? NotificationResult.DUPLICATE : apply(payment, report));
                });
    }

    private NotificationResult apply(Payment payment, TransactionReport report) {
        if (report.amount() != null && report.amount() != payment.amount) {
            LOG.warnf("DOKU notification amount %d differs from payment %s amount %d: not applied",
                    report.amount(), payment.id, payment.amount);
            return NotificationResult.AMOUNT_MISMATCH;
        }
        return PaymentOutcome.apply(payment, report, clock.instant()) ? NotificationResult.APPLIED : NotificationResult.OUTDATED;
    }

    private Uni<Boolean> alreadyApplied(String dokuRequestId) {
        if (dokuRequestId == null) {
            return Uni.createFrom().item(false);
        }
        return ReceivedNotification.count("dokuRequestId = ?1 and result = ?2", dokuRequestId, NotificationResult.APPLIED)
                .map(count -> count > 0);
    }

    private ReceivedNotification recordOf(IncomingNotification incoming, String requestTarget) {
        ReceivedNotification record = new ReceivedNotification();
        record.dokuRequestId = incoming.requestId();
        record.clientId = incoming.clientId();
        record.requestTimestamp = incoming.timestamp();
        record.signature = incoming.signature();
        record.requestTarget = requestTarget;
        record.body = new String(incoming.body(), StandardCharsets.UTF_8);
        record.receivedAt = clock.instant();
        return record;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
