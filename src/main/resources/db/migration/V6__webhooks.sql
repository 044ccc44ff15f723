-- Webhook endpoints: each API client may register several. The signing secrets are stored encrypted
-- (AES-GCM, key from GATEWAY_WEBHOOK_SECRET_KEY): a database reader alone cannot sign. After a rotation
-- the previous secret signs too, until previous_secret_until. event_types NULL: every type.
CREATE TABLE webhook_endpoints (
    id                     TEXT        PRIMARY KEY,
    client_name            TEXT        NOT NULL,
    url                    TEXT        NOT NULL,
    event_types            TEXT[],
    secret                 TEXT        NOT NULL,
    previous_secret        TEXT,
    previous_secret_until  TIMESTAMPTZ,
    status                 TEXT        NOT NULL CHECK (status IN ('enabled', 'disabled')),
    disabled_reason        TEXT,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_endpoints_client_idx ON webhook_endpoints (client_name, created_at, id);

-- One delivery per (event, endpoint), made by the dispatcher from payment_events. A pending delivery is
-- leased by pushing next_attempt_at forward while it is being sent. payment_id and event_seq copy the
-- event's, so that a later event of a payment waits for the earlier ones to the same endpoint.
CREATE TABLE webhook_deliveries (
    id                    TEXT        PRIMARY KEY,
    event_id              TEXT        NOT NULL REFERENCES payment_events (id) ON DELETE CASCADE,
    endpoint_id           TEXT        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    payment_id            TEXT        NOT NULL,
    event_seq             BIGINT      NOT NULL,
    status                TEXT        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts              INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at       TIMESTAMPTZ,
    last_attempt_at       TIMESTAMPTZ,
    last_response_status  INTEGER,
    last_error            TEXT,
    delivered_at          TIMESTAMPTZ,
    created_at            TIMESTAMPTZ NOT NULL,
    CONSTRAINT webhook_deliveries_event_endpoint_key UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (endpoint_id, payment_id, event_seq)
    WHERE status = 'pending';
CREATE INDEX webhook_deliveries_listing_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC);
