package com.example.gateway.payment;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Payments by type and status for dashboards. Tags never carry ids, invoices or card data. */
@ApplicationScoped
public class PaymentMetrics {

    private final MeterRegistry meters;

    PaymentMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void created(Payment payment) {
        count(payment);
    }

    /** Counts a status change; {@code changed} is what {@link Payment#moveTo} answered. */
    void moved(Payment payment, boolean changed) {
        if (changed) {
            count(payment);
        }
    }

    /** A capture or refund settled by DOKU's answer; amounts feed the money-moved dashboards. */
    void operation(PaymentOperation.Kind kind, String outcome, long amount) {
        String tag = kind.name().toLowerCase();
        meters.counter("gateway.operations", "kind", tag, "outcome", outcome).increment();
        if ("succeeded".equals(outcome)) {
            meters.summary("gateway.operation.amount.idr", "kind", tag).record(amount);
        }
    }

    /** An authorization the expiry sweep closed (set-based, so no entity is at hand). */
    void expired(String flow, String paymentType) {
        count(flow, paymentType, PaymentStatus.EXPIRED.name());
    }

    private void count(Payment payment) {
        count(payment.flow.name(), payment.paymentType.name(), payment.status.name());
    }

    private void count(String flow, String paymentType, String status) {
        meters.counter("gateway.payments", "flow", flow, "type", paymentType, "status", status).increment();
    }
}
