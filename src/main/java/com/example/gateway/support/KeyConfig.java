package com.example.gateway.support;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** The master keys ({@code gateway.keys.*}, or the GATEWAY_* variables application.properties maps). */
@ConfigMapping(prefix = "gateway.keys")
public interface KeyConfig {

    /** The master every keyed purpose derives its key from ({@code GATEWAY_MASTER_KEY}, ≥ 32 characters). */
    String master();

    /**
     * Masters retired by a rotation ({@code GATEWAY_PREVIOUS_MASTER_KEYS}, comma-separated): what they
     * sealed still opens, and is re-sealed under the current master; fingerprints they made still match.
     */
    Optional<List<String>> previousMasters();

    /**
     * The text the secret box key was derived from before master keys existed
     * ({@code GATEWAY_LEGACY_SECRET_BOX_KEY}: the former GATEWAY_WEBHOOK_SECRET_KEY, or the DOKU secret
     * if that was unset), so that secrets sealed then can be opened once and re-sealed.
     */
    Optional<String> legacySecretBoxKey();

    /** How often each replica re-seals stored secrets under the current master (scheduler syntax, or {@code off}). */
    String resealEvery();
}
