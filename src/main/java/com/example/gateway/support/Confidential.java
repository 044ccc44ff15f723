package com.example.gateway.support;

/**
 * A response body that shows a secret (a webhook signing secret, at creation or rotation). Where such
 * a body is kept to be replayed (Idempotency-Key), it is kept sealed in a {@link SecretBox}.
 */
public interface Confidential {
}
