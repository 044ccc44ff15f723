package com.example.gateway.it;

/**
 * What an instance that stopped (crashed, or was stopped) can leave half done in the shared database,
 * as counts: zero once everything it started has been settled.
 */
final class LeftBehind {

    /**
     * Write-ahead rows with no recorded answer, of the payments whose invoice matches {@code $1}. A page
     * whose answer was lost stays PENDING (DOKU's status too) once reconciliation has asked about it.
     */
    static final String UNSETTLED = """
            SELECT (SELECT count(*) FROM payments WHERE invoice_number LIKE $1
                      AND (status = 'UNKNOWN' OR status = 'PENDING' AND flow = 'CHARGE'
                           OR status = 'PENDING' AND payment_page_url IS NULL AND reconcile_attempts = 0))
                 + (SELECT count(*) FROM payment_operations o JOIN payments p ON p.id = o.payment_id
                      WHERE p.invoice_number LIKE $1 AND o.status IN ('PENDING', 'UNKNOWN'))""";

    /** Events of the payments {@code $1} (ids) without a delivery the receiver accepted. */
    static final String UNDELIVERED = "SELECT count(*) FROM payment_events e WHERE e.payment_id = ANY($1) "
            + "AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'delivered')";

    /** Idempotency keys matching {@code $1} still leased to a request that never recorded its answer. */
    static final String OPEN_IDEMPOTENCY_KEYS = "SELECT count(*) FROM idempotency_keys "
            + "WHERE idempotency_key LIKE $1 AND completed_at IS NULL";

    private LeftBehind() {
    }
}
