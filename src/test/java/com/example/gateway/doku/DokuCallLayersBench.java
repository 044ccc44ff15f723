package com.example.gateway.doku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The micro-benchmark of one DOKU call, layer by layer (bench/doku-layers runs it; docs/internals.md,
 * "Performance"). Each layer adds one thing to the one below it: the raw Vert.x web client with a
 * pre-signed request, then signing the request and verifying the answer's signature, then the REST
 * client ({@link DokuHttp}), then {@link DokuTransport} (answer handling, metrics, retries), then the
 * circuit breakers ({@link DokuBreakers}), then {@link DokuClient} (delivery back on the caller's
 * context, the log line, reading the answer). One call at a time, each from a fresh duplicated Vert.x
 * context with an active request context, as an API request makes it, against the DOKU emulator (a
 * payment page, the bench's payment-page scenario). Layers take turns in rounds, so that a noisy
 * moment of the machine falls on all of them.
 *
 * <p>Not a test: its name keeps it out of surefire's default includes, so only bench/doku-layers
 * (which names it) runs it. It checks that every call succeeded, so a figure is never that of a failure.
 */
@QuarkusTest
@TestProfile(DokuCallLayersBench.AsInProduction.class)
class DokuCallLayersBench {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 2000);
    private static final int ITERATIONS = Integer.getInteger("bench.iterations", 4000);
    private static final int ROUNDS = 8;
    /** The whole JVM's CPU time (this test and the gateway; the emulator is another process). */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    /**
     * Production's observability: no tracing (the test profile traces every call into memory), and one log
     * destination (a file here, standard output there) instead of the test profile's two.
     */
    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "true",
                    "quarkus.log.console.enable", "false",
                    // Only to measure what fault tolerance costs: bench/doku-layers --no-fault-tolerance.
                    "MP_Fault_Tolerance_NonFallback_Enabled", System.getProperty("bench.fault-tolerance", "true"));
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    @RestClient
    DokuHttp http;

    @Inject
    DokuSigner signer;

    @Inject
    DokuTransport transport;

    @Inject
    DokuBreakers breakers;

    @Inject
    DokuClient client;

    @Inject
    DokuConfig config;

    @Inject
    EmulatorClient emulator;

    private WebClient web;

    private final AtomicLong sequence = new AtomicLong();

    /** One payment-page request: its Request-Id and body, plus (for the raw layer) its signed headers. */
    private record Prepared(String requestId, byte[] body, String timestamp, String signature) {
    }

    private record Layer(String name, Function<Prepared, Uni<?>> call) {
    }

    @AfterEach
    void closeWebClient() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void eachLayerOfOneDokuCall() throws IOException {
        web = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setTcpNoDelay(true));
        String base = config.baseUrl().replaceAll("/+$", "");
        String url = base + DokuOperation.PAYMENT_PAGE.path();
        String target = java.net.URI.create(base).getPath() + DokuOperation.PAYMENT_PAGE.path();

        List<Layer> layers = List.of(
                new Layer("raw Vert.x web client, request signed beforehand", p -> web.postAbs(url)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Client-Id", signer.clientId())
                        .putHeader("Request-Id", p.requestId())
                        .putHeader("Request-Timestamp", p.timestamp())
                        .putHeader("Signature", p.signature())
                        .sendBuffer(Buffer.buffer(p.body()))
                        .map(r -> expectSigned(r.statusCode(), p.requestId(), target, r, null, false))),
                new Layer("+ signing the request, verifying the answer", p -> {
                    String timestamp = DokuSigner.timestamp(Instant.now());
                    return web.postAbs(url)
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Client-Id", signer.clientId())
                            .putHeader("Request-Id", p.requestId())
                            .putHeader("Request-Timestamp", timestamp)
                            .putHeader("Signature", signer.sign(p.requestId(), timestamp, target, p.body()))
                            .sendBuffer(Buffer.buffer(p.body()))
                            .map(r -> expectSigned(r.statusCode(), p.requestId(), target, r, null, true));
                }),
                new Layer("+ REST client (DokuHttp) instead of the web client", p -> {
                    String timestamp = DokuSigner.timestamp(Instant.now());
                    return http.post(url, signer.clientId(), p.requestId(), timestamp,
                                    signer.sign(p.requestId(), timestamp, target, p.body()), p.body())
                            .map(r -> expectSigned(r.getStatus(), p.requestId(), target, null, r, true));
                }),
                new Layer("+ DokuTransport (answer, metrics, retry policy)", p ->
                        transport.exchange(DokuCall.post(DokuOperation.PAYMENT_PAGE, p.requestId(), p.body()))),
                new Layer("+ circuit breaker (DokuBreakers)", p -> breakers.guard(DokuOperation.PAYMENT_PAGE,
                        () -> transport.exchange(DokuCall.post(DokuOperation.PAYMENT_PAGE, p.requestId(), p.body())))),
                new Layer("+ DokuClient (back on the caller's context, log line, answer read)", p ->
                        client.createPaymentPage(p.requestId(), p.body())));

        Context loop = vertx.getDelegate().getOrCreateContext();
        for (Layer layer : layers) {
            emulator.reset();
            for (int i = 0; i < WARMUP; i++) {
                time(loop, layer, target);
            }
        }
        long[][] nanos = new long[layers.size()][ITERATIONS];
        int[] onCallersThread = new int[layers.size()];
        long[] cpuNanos = new long[layers.size()];
        int perRound = ITERATIONS / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            emulator.reset();
            for (int l = 0; l < layers.size(); l++) {
                long cpuBefore = PROCESS.getProcessCpuTime();
                for (int i = round * perRound; i < (round + 1) * perRound; i++) {
                    Timed timed = time(loop, layers.get(l), target);
                    nanos[l][i] = timed.nanos();
                    onCallersThread[l] += timed.onCallersThread() ? 1 : 0;
                }
                cpuNanos[l] += PROCESS.getProcessCpuTime() - cpuBefore;
            }
        }
        String table = table(layers, nanos, perRound * ROUNDS, onCallersThread, cpuNanos);
        System.out.println(table);
        Path out = Path.of("target", "bench", "doku-layers.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        assertTrue(Files.size(out) > 0);
    }

    private record Timed(long nanos, boolean onCallersThread) {
    }

    /**
     * One call of {@code layer} from a fresh duplicated context of {@code loop} with a request context
     * active, timed from subscription to the item, wherever the item arrives.
     */
    private Timed time(Context loop, Layer layer, String target) {
        Prepared prepared = prepare(target);
        Context caller = VertxContext.createNewDuplicatedContext(loop);
        CompletableFuture<Timed> done = new CompletableFuture<>();
        caller.runOnContext(ignored -> {
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            Thread callerThread = Thread.currentThread();
            long start = System.nanoTime();
            layer.call().apply(prepared).subscribe().with(
                    item -> {
                        long took = System.nanoTime() - start;
                        boolean same = Thread.currentThread() == callerThread;
                        caller.runOnContext(again -> {
                            requestContext.terminate();
                            done.complete(new Timed(took, same));
                        });
                    },
                    failure -> caller.runOnContext(again -> {
                        requestContext.terminate();
                        done.completeExceptionally(failure);
                    }));
        });
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(layer.name() + " failed", e);
        }
    }

    private Prepared prepare(String target) {
        long n = sequence.incrementAndGet();
        String requestId = "bench-layers-" + RUN + "-" + n;
        // The bench's minimal payment page (bench/gen.py page_bodies), a fresh invoice number each.
        byte[] body = ("{\"order\":{\"amount\":90000,\"invoice_number\":\"BL-" + RUN + "-" + n
                + "\",\"callback_url\":\"https://shop.example.com/done\",\"auto_redirect\":false},"
                + "\"customer\":{\"id\":\"CUST-BENCH\",\"name\":\"Bench Customer\",\"email\":\"bench@example.com\"},"
                + "\"payment\":{\"type\":\"SALE\"}}").getBytes(StandardCharsets.UTF_8);
        String timestamp = DokuSigner.timestamp(Instant.now());
        return new Prepared(requestId, body, timestamp, signer.sign(requestId, timestamp, target, body));
    }

    /** The answer must be a 2xx; with {@code verify}, its signature must check out as the transport checks it. */
    private Object expectSigned(int status, String requestId, String target, HttpResponse<Buffer> web, Response rest,
            boolean verify) {
        assertEquals(2, status / 100, "status " + status);
        if (!verify) {
            return status;
        }
        byte[] body;
        String clientId;
        String timestamp;
        String signature;
        if (web != null) {
            body = web.body() == null ? new byte[0] : web.body().getBytes();
            clientId = web.getHeader("Client-Id");
            timestamp = web.getHeader("Response-Timestamp");
            signature = web.getHeader("Signature");
        } else {
            try (rest) {
                body = rest.readEntity(byte[].class);
                clientId = rest.getHeaderString("Client-Id");
                timestamp = rest.getHeaderString("Response-Timestamp");
                signature = rest.getHeaderString("Signature");
            }
        }
        if (!signer.verifyResponse(clientId, requestId, timestamp, target, body, signature)) {
            throw new AssertionError("the answer's signature does not verify");
        }
        return status;
    }

    private static String table(List<Layer> layers, long[][] nanos, int count, int[] onCallersThread, long[] cpuNanos) {
        StringBuilder out = new StringBuilder()
                .append("DOKU call layers: ").append(count).append(" payment pages per layer, one at a time, after ")
                .append(WARMUP).append(" warm-up calls each; fault tolerance ")
                .append(System.getProperty("bench.fault-tolerance", "true").equals("false") ? "OFF" : "on")
                .append("\n\n| layer | p50 ms | p90 ms | p99 ms | mean ms | added p50 ms | CPU ms per call | answer on caller's thread |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        double previous = Double.NaN;
        for (int l = 0; l < layers.size(); l++) {
            long[] sorted = Arrays.copyOf(nanos[l], count);
            Arrays.sort(sorted);
            double p50 = ms(sorted[count / 2]);
            out.append("| ").append(layers.get(l).name())
                    .append(" | ").append(format(p50))
                    .append(" | ").append(format(ms(sorted[(int) (count * 0.90)])))
                    .append(" | ").append(format(ms(sorted[(int) (count * 0.99)])))
                    .append(" | ").append(format(ms((long) Arrays.stream(sorted).average().orElse(0))))
                    .append(" | ").append(Double.isNaN(previous) ? "" : format(p50 - previous))
                    .append(" | ").append(format(ms(cpuNanos[l] / count)))
                    .append(" | ").append(100 * onCallersThread[l] / count).append(" %")
                    .append(" |\n");
            previous = p50;
        }
        return out.toString();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String format(double ms) {
        return String.format(java.util.Locale.ROOT, "%.3f", ms);
    }
}
