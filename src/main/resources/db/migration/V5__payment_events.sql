-- Every status change of a payment, capture or refund, written in the transaction that makes it: the
-- payment's history, and the outbox that webhooks deliver from. `body` is the event's JSON exactly as it
-- is sent and signed. The events of one payment are written under its row lock, so `seq` orders them as
-- they happened; `fanned_out` says whether the webhook dispatcher has made its deliveries yet.
CREATE TABLE payment_events (
    id           TEXT        PRIMARY KEY,
    seq          BIGSERIAL   NOT NULL,
    payment_id   TEXT        NOT NULL REFERENCES payments (id),
    client_name  TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    cause        TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    body         TEXT        NOT NULL,
    fanned_out   BOOLEAN     NOT NULL DEFAULT false,
    CONSTRAINT payment_events_seq_key UNIQUE (seq)
);
CREATE INDEX payment_events_payment_idx ON payment_events (payment_id, seq);
CREATE INDEX payment_events_unfanned_idx ON payment_events (seq) WHERE NOT fanned_out;
CREATE INDEX payment_events_created_idx ON payment_events (created_at);

-- authorization.expiring is sent once per authorization: when it was.
ALTER TABLE payments ADD COLUMN expiry_warned_at TIMESTAMPTZ;
