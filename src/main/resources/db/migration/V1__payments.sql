-- Payments: one row per invoice. The Request-Id of the DOKU call that started the payment
-- (payment page or charge) is written here before that call is made, so a crash or a lost answer
-- always leaves a row that reconciliation can finish.
CREATE TABLE payments (
    id                 TEXT PRIMARY KEY,
    client_name        TEXT        NOT NULL,
    invoice_number     TEXT        NOT NULL,
    amount             BIGINT      NOT NULL CHECK (amount > 0),
    currency           TEXT        NOT NULL DEFAULT 'IDR',
    flow               TEXT        NOT NULL,
    payment_type       TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    doku_request_id    TEXT        NOT NULL,
    customer_id        TEXT,
    payment_page_url   TEXT,
    authorized_amount  BIGINT      NOT NULL DEFAULT 0,
    captured_amount    BIGINT      NOT NULL DEFAULT 0,
    refunded_amount    BIGINT      NOT NULL DEFAULT 0,
    authorize_id       TEXT,
    authorized_at      TIMESTAMPTZ,
    capture_deadline   TIMESTAMPTZ,
    card_masked        TEXT,
    card_brand         TEXT,
    card_issuer        TEXT,
    card_type          TEXT,
    card_token         TEXT,
    approval_code      TEXT,
    failure_code       TEXT,
    failure_message    TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT payments_invoice_number_key UNIQUE (invoice_number),
    CONSTRAINT payments_doku_request_id_key UNIQUE (doku_request_id)
);

-- Keyset pagination: newest first within a client, ties broken by id.
CREATE INDEX payments_client_created_idx ON payments (client_name, created_at DESC, id DESC);
CREATE INDEX payments_client_customer_idx ON payments (client_name, customer_id);

-- Every DOKU notification exactly as it arrived, whatever became of it.
CREATE TABLE doku_notifications (
    id               BIGSERIAL PRIMARY KEY,
    doku_request_id  TEXT,
    received_at      TIMESTAMPTZ NOT NULL,
    request_target   TEXT        NOT NULL,
    client_id        TEXT,
    request_timestamp TEXT,
    signature        TEXT,
    body             TEXT        NOT NULL,
    invoice_number   TEXT,
    payment_id       TEXT REFERENCES payments (id),
    result           TEXT        NOT NULL
);

-- A notification is applied at most once: the database refuses a second APPLIED row for the same
-- DOKU Request-Id even if two deliveries race.
CREATE UNIQUE INDEX doku_notifications_applied_once
    ON doku_notifications (doku_request_id) WHERE result = 'APPLIED';

-- Stored responses for Idempotency-Key, scoped by the calling client.
CREATE TABLE idempotency_keys (
    client_name      TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    request_method   TEXT        NOT NULL,
    request_path     TEXT        NOT NULL,
    request_hash     TEXT        NOT NULL,
    response_status  INTEGER,
    response_body    TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ,
    PRIMARY KEY (client_name, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
