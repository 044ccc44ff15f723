package com.example.gateway.it;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.paymentPage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A steady, open-loop mix of what callers send, one request every {@code pace} whatever the answers
 * take: payment pages, MOTO charges, reads of payments made so far, and refunds of settled charges,
 * every write with its own Idempotency-Key. Each answer is kept against the status a healthy service
 * gives, so a request that was dropped, refused or answered 5xx during a rollout is counted as failed.
 */
final class SteadyLoad implements AutoCloseable {

    private static final String APPROVE = "4111111111111111";
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind {
        PAGE(201), MOTO_CHARGE(201), GET(200), REFUND(201);

        final int expected;

        Kind(int expected) {
            this.expected = expected;
        }
    }

    /** One request, its answer (status 0: no answer at all) and how long that took. */
    record Outcome(Kind kind, String key, int status, String answer, Duration took) {
        boolean failed() {
            return status != kind.expected;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final URI base;
    private final String run;
    private final List<String> settled;
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Outcome>> sent = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Sends through {@code port}; refunds go to the {@code settled} payments, each refund a small part. */
    SteadyLoad(int port, String run, List<String> settled) {
        this.base = URI.create("http://localhost:" + port);
        this.run = run;
        this.settled = List.copyOf(settled);
    }

    void start(Duration pace) {
        pacer.scheduleAtFixedRate(this::sendNext, 0, pace.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops sending and waits for every answer still outstanding. */
    List<Outcome> stop(Duration atMost) {
        pacer.shutdown();
        try {
            if (!pacer.awaitTermination(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the load did not stop");
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("answers still outstanding " + atMost + " after the load stopped", e);
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }

    /** The settled payments refunds go to. */
    List<String> settled() {
        return settled;
    }

    /** Requests sent so far. */
    long sentSoFar() {
        return sequence.get();
    }

    static Map<String, Long> tally(List<Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(
                o -> o.kind() + " " + (o.status() == 0 ? "no answer" : o.status()), Collectors.counting()));
    }

    private void sendNext() {
        long n = sequence.getAndIncrement();
        Kind kind = Kind.values()[(int) (n % Kind.values().length)];
        String key = run + "-key-" + n;
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ORDERS).header("Content-Type", "application/json");
        switch (kind) {
            case PAGE -> request.uri(base.resolve("/v1/payments")).header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(paymentPage(run + "-page-" + n, 25000)));
            case MOTO_CHARGE -> request.uri(base.resolve("/v1/payments")).header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(charge(run + "-moto-" + n, 35000, "MOTO", APPROVE)));
            case GET -> request.uri(base.resolve("/v1/payments/" + someCreated(n))).GET();
            case REFUND -> request.uri(base.resolve("/v1/payments/" + settled.get((int) (n % settled.size())) + "/refunds"))
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 1000, \"reason\": \"rollout load\"}"));
            default -> throw new IllegalStateException(kind.name());
        }
        long start = System.nanoTime();
        sent.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> answered(kind, key, response, Duration.ofNanos(System.nanoTime() - start)))
                .exceptionally(failure -> new Outcome(kind, key, 0, failure.toString(), Duration.ofNanos(System.nanoTime() - start))));
    }

    private Outcome answered(Kind kind, String key, HttpResponse<String> response, Duration took) {
        if ((kind == Kind.PAGE || kind == Kind.MOTO_CHARGE) && response.statusCode() == 201) {
            created.add(idOf(response.body()));
        }
        return new Outcome(kind, key, response.statusCode(), response.body(), took);
    }

    /** A payment this load created, or before it has any, a settled one. */
    private String someCreated(long n) {
        List<String> pool = created.isEmpty() ? settled : created;
        return pool.get((int) (n % pool.size()));
    }

    private static String idOf(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a 201 without a payment: " + body, e);
        }
    }

    @Override
    public void close() {
        pacer.shutdownNow();
    }
}
