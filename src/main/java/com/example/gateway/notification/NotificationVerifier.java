package com.example.gateway.notification;

import com.example.gateway.payment.provider.ProviderNotifications;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Is this notification from the provider, and fresh? The signature is the provider's to check; the
 * timestamp must be within the allowed skew of the provider's clock (the emulator's under the test clock),
 * which DOKU's own samples never check.
 */
@ApplicationScoped
public class NotificationVerifier {

    private final ProviderNotifications provider;

    NotificationVerifier(ProviderNotifications provider) {
        this.provider = provider;
    }

    public boolean isAuthentic(IncomingNotification n) {
        boolean signed = provider.isSigned(n.clientId(), n.requestId(), n.timestamp(), n.body(), n.signature());
        return signed && isFresh(n.timestamp());
    }

    private boolean isFresh(String timestamp) {
        try {
            Duration age = Duration.between(Instant.parse(timestamp), provider.now()).abs();
            return age.compareTo(provider.maxClockSkew()) <= 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
