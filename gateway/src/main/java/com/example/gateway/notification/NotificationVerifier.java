package com.example.gateway.notification;

import com.example.gateway.doku.DokuConfig;
import com.example.gateway.doku.DokuSigner;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Is this notification from DOKU, and fresh? The signature is checked against the path DOKU signed
 * (configurable, since an ingress may rewrite ours) in constant time, and the timestamp must be
 * within the allowed skew of our clock, which DOKU's own samples never check.
 */
@ApplicationScoped
public class NotificationVerifier {

    private final DokuSigner signer;
    private final Clock clock;
    private final String target;
    private final Duration maxSkew;

    NotificationVerifier(DokuSigner signer, Clock clock, DokuConfig config) {
        this.signer = signer;
        this.clock = clock;
        this.target = config.notificationTarget();
        this.maxSkew = config.notificationMaxClockSkew();
    }

    public boolean isAuthentic(IncomingNotification n) {
        boolean signed = signer.verify(n.clientId(), n.requestId(), n.timestamp(), target, n.body(), n.signature());
        return signed && isFresh(n.timestamp());
    }

    private boolean isFresh(String timestamp) {
        try {
            Duration age = Duration.between(Instant.parse(timestamp), clock.instant()).abs();
            return age.compareTo(maxSkew) <= 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
