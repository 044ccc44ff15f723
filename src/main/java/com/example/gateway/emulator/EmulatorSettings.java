package com.example.gateway.emulator;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The emulator's configuration, read once. */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
class EmulatorSettings {

    private final String clientId;
    private final String secretKey;
    private final String publicUrl;
    private final String notificationUrl;
    private final Duration delay;
    private final Duration notificationTimeout;

    EmulatorSettings(
            // The emulator plays DOKU, which knows the merchant's Client-Id and secret key.
            @ConfigProperty(name = "doku.client-id") String clientId,
            @ConfigProperty(name = "doku.secret-key") String secretKey,
            // Base for the payment page URLs handed out, e.g. http://localhost:8081/doku-emulator
            @ConfigProperty(name = "emulator.public-url") String publicUrl,
            // The merchant's Notification URL as configured at DOKU.
            @ConfigProperty(name = "emulator.notification-url") String notificationUrl,
            // How long the DELAY fault holds an answer back.
            @ConfigProperty(name = "emulator.delay", defaultValue = "PT3S") Duration delay,
            @ConfigProperty(name = "emulator.notification-timeout", defaultValue = "PT10S") Duration notificationTimeout) {
        this.clientId = clientId;
        this.secretKey = secretKey;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.notificationUrl = notificationUrl;
        this.delay = delay;
        this.notificationTimeout = notificationTimeout;
    }

    EmulatorSignatures signatures() {
        return new EmulatorSignatures(clientId, secretKey);
    }

    String publicUrl() {
        return publicUrl;
    }

    String notificationUrl() {
        return notificationUrl;
    }

    Duration delay() {
        return delay;
    }

    Duration notificationTimeout() {
        return notificationTimeout;
    }
}
