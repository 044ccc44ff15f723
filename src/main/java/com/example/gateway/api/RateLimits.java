package com.example.gateway.api;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j token bucket per internal client, in this replica's memory: with R replicas behind the
 * Service a client gets up to R times its limit in all. Each request is counted in
 * {@code gateway_rate_limit_total{client, outcome=allowed|limited}}; client names come from
 * {@code GATEWAY_API_KEYS}, so the label is bounded. Started eagerly so a malformed limit stops the boot.
 */
@Startup
@ApplicationScoped
public class RateLimits {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RateLimit defaultLimit;
    private final Map<String, RateLimit> limitByClient = new HashMap<>();
    private final Map<String, ClientBucket> buckets = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    /** The injected clock, so that tests refill a bucket by moving time instead of sleeping. */
    private final TimeMeter time;

    RateLimits(RateLimitConfig config, MeterRegistry meters, Clock clock) {
        this.defaultLimit = RateLimit.parse("gateway.rate-limits.default", config.defaultLimit());
        for (String entry : config.clients().orElse(List.of())) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("gateway.rate-limits.clients: '" + entry
                        + "' is not name:requests/period");
            }
            limitByClient.put(entry.substring(0, colon).trim(),
                    RateLimit.parse("gateway.rate-limits.clients", entry.substring(colon + 1)));
        }
        this.meters = meters;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    private record ClientBucket(Bucket bucket, Counter allowed, Counter limited) {
    }

    /** Takes one request from the client's bucket: empty if allowed, else the whole seconds to wait (at least 1). */
    public OptionalLong take(String client) {
        ClientBucket limiter = buckets.computeIfAbsent(client, this::bucketOf);
        ConsumptionProbe probe = limiter.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            limiter.allowed().increment();
            return OptionalLong.empty();
        }
        limiter.limited().increment();
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
    }

    private ClientBucket bucketOf(String client) {
        RateLimit limit = limitByClient.getOrDefault(client, defaultLimit);
        Bucket bucket = Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()))
                .withCustomTimePrecision(time)
                .build();
        return new ClientBucket(bucket, counter(client, "allowed"), counter(client, "limited"));
    }

    private Counter counter(String client, String outcome) {
        return meters.counter("gateway.rate.limit", "client", client, "outcome", outcome);
    }
}
