-- 3-D Secure authentications (POST /v1/three-d-secure, or made by the gateway for a CHARGE by token).
-- No card data: a card number passes through memory only; a saved card's token and DOKU's
-- authentication id are not secrets (both are useless without the merchant's DOKU credentials).
CREATE TABLE three_d_secure_authentications (
    id                     TEXT PRIMARY KEY,
    client_name            TEXT        NOT NULL,
    invoice_number         TEXT        NOT NULL,
    amount                 BIGINT      NOT NULL CHECK (amount > 0),
    customer_id            TEXT,
    card_token             TEXT,
    status                 TEXT        NOT NULL,
    doku_request_id        TEXT        NOT NULL,
    doku_authentication_id TEXT,
    authentication_url     TEXT,
    return_url             TEXT        NOT NULL,
    failed_url             TEXT,
    -- The payment the gateway charges once the customer passes the challenge (a CHARGE by token), and the
    -- charge request it then sends (a token, never card data); cleared once sent.
    payment_id             TEXT        REFERENCES payments (id) ON DELETE CASCADE,
    charge_request         BYTEA,
    -- The payment that used it: an authentication charges once.
    used_by_payment_id     TEXT,
    expires_at             TIMESTAMPTZ NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    version                INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX three_d_secure_authentications_payment ON three_d_secure_authentications (payment_id)
    WHERE payment_id IS NOT NULL;

-- Where the customer's browser goes to authenticate, while a payment is REQUIRES_AUTHENTICATION.
ALTER TABLE payments ADD COLUMN authentication_url TEXT;
