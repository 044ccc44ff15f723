package com.example.gateway.it;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/**
 * A load balancer in front of packaged gateways that behaves like a Kubernetes Service with its
 * endpoints: requests go round-robin to the instances whose readiness probe ({@code /q/health/ready} on
 * the management port) last passed, polled as the kubelet polls it (a period, a failure threshold, a
 * success threshold of one). It never retries: a request sent to an instance that refuses or drops
 * it fails as it would for the caller (502, as an ingress answers), so a shutdown that is not
 * graceful shows. The proxying itself is Vert.x's reverse proxy ({@code vertx-http-proxy}).
 */
final class ServiceLoadBalancer implements AutoCloseable {

    /** One instance behind the Service, with what the probe last said and what it was sent. */
    private static final class Endpoint {
        final PackagedGateway gateway;
        final AtomicInteger failures = new AtomicInteger();
        final AtomicLong routed = new AtomicLong();
        volatile boolean ready;
        volatile Instant unreadySince;

        Endpoint(PackagedGateway gateway) {
            this.gateway = gateway;
        }
    }

    private final List<Endpoint> endpoints;
    private final int failureThreshold;
    private final Duration timeout;
    private final ScheduledExecutorService kubelet;
    private final HttpServer server;
    private final AtomicLong next = new AtomicLong();

    private ServiceLoadBalancer(Vertx vertx, List<PackagedGateway> gateways, Duration period, Duration timeout,
            int failureThreshold) {
        this.endpoints = gateways.stream().map(Endpoint::new).toList();
        this.failureThreshold = failureThreshold;
        this.timeout = timeout;
        this.kubelet = Executors.newScheduledThreadPool(endpoints.size());
        for (Endpoint endpoint : endpoints) {
            kubelet.scheduleWithFixedDelay(() -> probe(endpoint), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
        // Enough connections per instance that the proxy never queues what the load sends.
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(100)))
                .originSelector(this::choose);
        this.server = vertx.createHttpServer().requestHandler(proxy);
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().join();
    }

    /**
     * A Service over the gateways, probing each every {@code period} (a probe with no answer within
     * {@code timeout} fails); unready after {@code failureThreshold} failures in a row.
     */
    static ServiceLoadBalancer over(Vertx vertx, List<PackagedGateway> gateways, Duration period, Duration timeout,
            int failureThreshold) {
        ServiceLoadBalancer service = new ServiceLoadBalancer(vertx, gateways, period, timeout, failureThreshold);
        // Answered only once every instance passed its first probe, as a Service lists a pod once it is
        // ready: a request sent before the first probes ran would find no endpoint (502).
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(service::readyEndpoints, ready -> ready == gateways.size());
        return service;
    }

    int port() {
        return server.actualPort();
    }

    /** How many ready instances the Service routes to now. */
    long readyEndpoints() {
        return endpoints.stream().filter(e -> e.ready).count();
    }

    /** How many requests went to this instance. */
    long routedTo(PackagedGateway gateway) {
        return endpoints.stream().filter(e -> e.gateway == gateway).mapToLong(e -> e.routed.get()).sum();
    }

    /** When the probe last took this instance out of the Service. */
    Optional<Instant> unreadySince(PackagedGateway gateway) {
        return endpoints.stream().filter(e -> e.gateway == gateway).map(e -> e.unreadySince).filter(Objects::nonNull).findFirst();
    }

    private void probe(Endpoint endpoint) {
        if (endpoint.gateway.readiness(timeout) == 200) {
            endpoint.failures.set(0);
            if (!endpoint.ready) {
                System.out.printf("[service] %s ready at %s%n", endpoint.gateway, Instant.now());
            }
            endpoint.ready = true;
        } else if (endpoint.failures.incrementAndGet() >= failureThreshold && endpoint.ready) {
            endpoint.ready = false;
            endpoint.unreadySince = Instant.now();
            System.out.printf("[service] %s unready at %s%n", endpoint.gateway, endpoint.unreadySince);
        }
    }

    private Future<SocketAddress> choose(HttpServerRequest request) {
        List<Endpoint> ready = endpoints.stream().filter(e -> e.ready).toList();
        if (ready.isEmpty()) {
            return Future.failedFuture("no ready endpoint");
        }
        Endpoint chosen = ready.get((int) (next.getAndIncrement() % ready.size()));
        chosen.routed.incrementAndGet();
        return Future.succeededFuture(SocketAddress.inetSocketAddress(chosen.gateway.apiPort(), "localhost"));
    }

    @Override
    public void close() {
        kubelet.shutdownNow();
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
