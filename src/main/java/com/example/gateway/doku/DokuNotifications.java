package com.example.gateway.doku;

import com.example.gateway.payment.provider.ProviderNotifications;
import com.example.gateway.payment.provider.TransactionNews;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * DOKU's HTTP notifications: signed like a request to DOKU, over the path DOKU signed (configurable, since
 * an ingress may rewrite ours), and read like a check status answer (same envelope).
 */
@ApplicationScoped
class DokuNotifications implements ProviderNotifications {

    private final DokuSigner signer;
    private final String target;
    private final Duration maxSkew;
    private final DokuTime time;

    DokuNotifications(DokuSigner signer, DokuConfig config, DokuTime time) {
        this.signer = signer;
        this.time = time;
        this.target = config.notificationTarget();
        this.maxSkew = config.notificationMaxClockSkew();
    }

    @Override
    public boolean isSigned(String clientId, String requestId, String timestamp, byte[] body, String signature) {
        return signer.verify(clientId, requestId, timestamp, target, body, signature);
    }

    @Override
    public Duration maxClockSkew() {
        return maxSkew;
    }

    @Override
    public Instant now() {
        return time.instant();
    }

    @Override
    public TransactionNews read(JsonNode body) {
        return DokuStatuses.news(TransactionReport.parse(body));
    }
}
