package com.example.gateway.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP server metric ({@code http.server.requests}) as dashboards need it: bounded labels, and
 * latency in buckets.
 *
 * <p>A request that matched no route (a 404, or a 401 refused before routing) is labelled by Quarkus
 * with its raw path unless {@code quarkus.micrometer.binder.http-server.suppress4xx-errors} is set
 * (application.properties), so strangers could mint label values, and after
 * {@code max-uri-tags} of them Micrometer refused new ones, real routes included. With it, such
 * requests are {@code NOT_FOUND} or {@code UNKNOWN}; {@link #unmatchedAsOneUri} folds them into one
 * value. Latency gets SLO buckets so that {@code histogram_quantile} can draw a p99.
 */
@Singleton
public class HttpServerMetrics {

    static final String METRIC = "http.server.requests";
    static final String UNMATCHED = "UNKNOWN";
    private static final List<Duration> LATENCY_BUCKETS = List.of(Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Produces
    @Singleton
    MeterFilter unmatchedAsOneUri() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (!METRIC.equals(id.getName()) || !"NOT_FOUND".equals(uri)) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream()
                        .map(tag -> tag.getKey().equals("uri") ? Tag.of("uri", UNMATCHED) : tag).toList();
                return id.replaceTags(tags);
            }
        };
    }

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        double[] slos = LATENCY_BUCKETS.stream().mapToDouble(Duration::toNanos).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!METRIC.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(slos).build().merge(config);
            }
        };
    }
}
