package com.example.gateway.support;

import java.nio.charset.StandardCharsets;

/**
 * Every job a key does in the gateway. Each gets its own key, derived from the master key with HKDF
 * under its own label, so that a value computed for one job (a stored fingerprint, a ciphertext) is
 * worth nothing for another. A new keyed purpose is a new constant here, never a reused one.
 */
public enum KeyPurpose {

    /** Tells one request from another under the same Idempotency-Key (stored beside the key). */
    IDEMPOTENCY_FINGERPRINT("idempotency-fingerprint"),
    /** Encrypts secrets at rest (webhook signing secrets, answers that show one). */
    SECRET_BOX("secret-box"),
    /** Names a master key in what it sealed, so that a rotation knows which key opens what. */
    KEY_ID("key-id"),
    /** Turns a client's customer id into the one DOKU sees, so that no client can name another's customer. */
    DOKU_CUSTOMER_ID("doku-customer-id");

    private final byte[] info;

    KeyPurpose(String label) {
        this.info = ("doku-card-gateway/" + label + "/v1").getBytes(StandardCharsets.UTF_8);
    }

    /** HKDF's "info": the label that separates this purpose's key from every other's. */
    byte[] info() {
        return info.clone();
    }
}
