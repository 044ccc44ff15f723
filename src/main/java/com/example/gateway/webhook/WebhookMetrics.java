package com.example.gateway.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Delivery attempts by result and deliveries by final outcome. Tags never carry ids, URLs or secrets. */
@ApplicationScoped
class WebhookMetrics {

    private final MeterRegistry meters;

    WebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void attempted(Attempt attempt) {
        meters.counter("gateway.webhook.attempts", "result", attempt.result()).increment();
    }

    /** Deliveries ended: {@code delivered} or {@code failed}. */
    void ended(String outcome, int count) {
        meters.counter("gateway.webhook.deliveries", "outcome", outcome).increment(count);
    }
}
