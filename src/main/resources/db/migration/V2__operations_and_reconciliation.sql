-- Captures and refunds (voids included) of a payment. Each is written PENDING with its DOKU
-- Request-Id before DOKU is called; UNKNOWN when the answer was lost, until reconciliation settles it.
CREATE TABLE payment_operations (
    id               TEXT PRIMARY KEY,
    payment_id       TEXT        NOT NULL REFERENCES payments (id),
    kind             TEXT        NOT NULL CHECK (kind IN ('CAPTURE', 'REFUND')),
    amount           BIGINT      NOT NULL CHECK (amount > 0),
    status           TEXT        NOT NULL,
    doku_request_id  TEXT        NOT NULL,
    refund_type      TEXT,
    reason           TEXT,
    approval_code    TEXT,
    message          TEXT,
    failure_code     TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT payment_operations_doku_request_id_key UNIQUE (doku_request_id)
);
CREATE INDEX payment_operations_payment_idx ON payment_operations (payment_id, created_at);
CREATE INDEX payment_operations_unsettled_idx ON payment_operations (status) WHERE status IN ('PENDING', 'UNKNOWN');

-- Reconciliation schedule: when a payment (or one of its operations) next needs DOKU's check status.
ALTER TABLE payments ADD COLUMN reconcile_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN next_reconcile_at TIMESTAMPTZ;
CREATE INDEX payments_reconcile_idx ON payments (next_reconcile_at) WHERE next_reconcile_at IS NOT NULL;

-- Authorizations awaiting capture, soonest deadline first.
CREATE INDEX payments_authorized_deadline_idx ON payments (capture_deadline, id) WHERE status = 'AUTHORIZED';

-- The unknown-payments gauge counts these every 30 seconds.
CREATE INDEX payments_unknown_idx ON payments (id) WHERE status = 'UNKNOWN';
