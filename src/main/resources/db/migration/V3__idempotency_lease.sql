-- A claim on an idempotency key is leased: a request that died with its process (no response stored)
-- blocks retries with its key only until the lease runs out.
ALTER TABLE idempotency_keys ADD COLUMN claimed_until TIMESTAMPTZ;

-- The Idempotency-Key a capture or refund was made under. A retry that takes over an expired claim
-- finds the operation its first attempt stored and answers with it, never starting a second one.
ALTER TABLE payment_operations ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX payment_operations_idempotency_key_idx ON payment_operations (payment_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- The payment-page request as sent, until DOKU's answer with the page URL is recorded (see Payment.pageRequest).
ALTER TABLE payments ADD COLUMN page_request BYTEA;
