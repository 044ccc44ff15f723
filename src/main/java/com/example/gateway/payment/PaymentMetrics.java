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

    /** Counts a status change; {@code changed}: whether {@link PaymentStateMachine} made one. */
    public void moved(Payment payment, boolean changed) {
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

    private void count(Payment payment) {
        meters.counter("gateway.payments", "flow", payment.flow.name(), "type", payment.paymentType.name(),
                "status", payment.status.name()).increment();
    }
}
