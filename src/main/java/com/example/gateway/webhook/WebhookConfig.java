package com.example.gateway.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Webhook settings, from the GATEWAY_WEBHOOK_* environment variables (application.properties maps
 * each and holds the defaults).
 */
@ConfigMapping(prefix = "gateway.webhooks")
public interface WebhookConfig {

    /**
     * The hosts a webhook URL may name: a name ({@code orders.payments.svc.cluster.local}) or a pattern
     * for every name below a domain ({@code *.svc.cluster.local}). None configured: every URL is refused.
     */
    Optional<List<String>> allowedHosts();

    /**
     * Networks (CIDRs) a webhook host may resolve into although they are not the public internet: the
     * cluster's Service range ({@code 10.96.0.0/12}), loopback in dev and test. None: public addresses only.
     * This replica's own interface addresses stay refused either way.
     */
    Optional<List<String>> allowedNetworks();

    /** Ports a webhook URL may name: ports and ranges ({@code 443}, {@code 8000-8999}). The gateway's own never. */
    List<String> allowedPorts();

    /** Whether a webhook URL must be https; only dev and test turn it off (their receivers are plain http). */
    boolean requireHttps();

    /**
     * How long to wait before each attempt of a delivery: the first entry before the first attempt, and
     * so on; after the last attempt a delivery that never got a 2xx is failed. Standard Webhooks' by default.
     */
    List<Duration> retrySchedule();

    /** How long one attempt may take, connection to answer. */
    Duration requestTimeout();

    /** How long events (and their deliveries) are kept. */
    Duration retention();

    /** How often each replica fans out new events and sends what is due (scheduler syntax: {@code 1s}, {@code off}). */
    String dispatchEvery();

    /** How long after start the first dispatch runs. */
    @WithDefault("5s")
    String dispatchDelayed();

    /** How often events past the retention are purged. */
    @WithDefault("1h")
    String purgeEvery();
}
