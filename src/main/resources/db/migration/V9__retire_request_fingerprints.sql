-- Before V9, Idempotency-Key fingerprints were HMAC-SHA256 under the DOKU secret over the raw body:
-- a stored one could be a valid DOKU signature. They are replaced by a value no fingerprint can equal,
-- so no DOKU-keyed MAC stays in the database; a retry of such a key answers idempotency_key_reused.
UPDATE idempotency_keys SET request_hash = 'retired-v1';
