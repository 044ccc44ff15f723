package com.example.gateway.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret: 32 random bytes, shown to the client once as
 * {@code whsec_<base64>}; the bytes are the HMAC key.
 */
record SigningSecret(byte[] key) {

    static final String PREFIX = "whsec_";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    static SigningSecret random() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return new SigningSecret(key);
    }

    /** As the client is shown it, once. */
    String shown() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
