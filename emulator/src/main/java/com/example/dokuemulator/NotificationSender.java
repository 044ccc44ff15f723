package com.example.dokuemulator;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Signs notifications as DOKU does and POSTs them to the gateway, non-blocking (Vert.x HTTP client),
 * keeping every signed notification so that it can be sent again later, and a log of every attempt.
 */
@ApplicationScoped
class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    /** A notification as signed: exactly these bytes are sent, with these headers. */
    private record Signed(Notification notification, String requestId, String target, byte[] body,
            String timestamp, String signature) {
    }

    private final EmulatorSignatures signatures;
    private final EmulatorSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private final Map<String, Signed> byRequestId = new ConcurrentHashMap<>();
    /** Request-Ids of notifications held and not sent since, in the order they were held. */
    private final Deque<String> held = new ConcurrentLinkedDeque<>();
    private final List<SentNotification> sent = new CopyOnWriteArrayList<>();
    /** Per invoice, the end of the chain of deliveries still running. */
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    NotificationSender(EmulatorSettings settings, EmulatorSignatures signatures, Clock clock, Vertx vertx) {
        this.signatures = signatures;
        this.settings = settings;
        this.clock = clock;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.notificationTimeout().toMillis()));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    /**
     * Signs and sends one notification, or sends it twice (DUPLICATE_NOTIFICATION, same bytes and
     * headers, one after the other), or only stores it (HOLD_NOTIFICATION). Notifications about one
     * invoice go out one after the other in the order they were made, so that a payment's SUCCESS
     * cannot overtake its later REFUND by accident (HOLD_NOTIFICATION and {@link #resend} do that on
     * purpose). Never fails: a gateway that does not answer is recorded with status 0.
     */
    Uni<List<SentNotification>> deliver(Notification notification, Optional<EmulatorFault> fault) {
        Signed signed = sign(notification, EmulatorIds.requestId());
        byRequestId.put(signed.requestId(), signed);
        if (fault.filter(EmulatorFault.HOLD_NOTIFICATION::equals).isPresent()) {
            LOG.infof("DOKU emulator holds notification %s (%s %s for %s)", signed.requestId(),
                    notification.transactionType(), notification.transactionStatus(), notification.invoiceNumber());
            held.add(signed.requestId());
            return Uni.createFrom().item(List.of(record(signed, clock.instant(), 0, true)));
        }
        boolean twice = fault.filter(EmulatorFault.DUPLICATE_NOTIFICATION::equals).isPresent();
        return afterEarlierOnes(notification.invoiceNumber(), () -> twice
                ? post(signed).chain(first -> post(signed).map(second -> List.of(first, second)))
                : post(signed).map(List::of));
    }

    /** Starts {@code delivery} once the deliveries already queued for the invoice are done. */
    private Uni<List<SentNotification>> afterEarlierOnes(String invoiceNumber, Supplier<Uni<List<SentNotification>>> delivery) {
        CompletableFuture<List<SentNotification>> done = new CompletableFuture<>();
        CompletableFuture<Void> mine = done.handle((result, failure) -> null);
        CompletableFuture<Void> earlier = inFlight.put(invoiceNumber, mine);
        (earlier == null ? CompletableFuture.<Void>completedFuture(null) : earlier).whenComplete((ignored, failure) ->
                delivery.get().subscribe().with(done::complete, done::completeExceptionally));
        mine.whenComplete((ignored, failure) -> inFlight.remove(invoiceNumber, mine));
        return Uni.createFrom().completionStage(done);
    }

    /**
     * Sends a stored notification again: same Request-Id and body, fresh timestamp and signature (as
     * DOKU's own retries do). Emits the gateway's HTTP status, 0 when it did not answer.
     */
    Uni<Integer> resend(String requestId) {
        Signed stored = byRequestId.get(requestId);
        if (stored == null) {
            return Uni.createFrom().failure(new NoSuchElementException("no notification with Request-Id " + requestId));
        }
        held.remove(requestId);
        return post(sign(stored.notification(), requestId)).map(SentNotification::gatewayStatus);
    }

    /**
     * Sends every held notification now, the last held first (late and out of order), one after the
     * other, each with a fresh timestamp and signature. Emits the deliveries in the order made.
     */
    Uni<List<SentNotification>> releaseHeld() {
        List<String> toRelease = new ArrayList<>();
        for (String requestId = held.pollLast(); requestId != null; requestId = held.pollLast()) {
            toRelease.add(requestId);
        }
        Uni<List<SentNotification>> chain = Uni.createFrom().item(List.of());
        for (String requestId : toRelease) {
            Signed stored = byRequestId.get(requestId);
            chain = chain.chain(done -> post(sign(stored.notification(), requestId)).map(sent -> {
                List<SentNotification> all = new ArrayList<>(done);
                all.add(sent);
                return all;
            }));
        }
        return chain;
    }

    List<SentNotification> sent() {
        return List.copyOf(sent);
    }

    void clear() {
        byRequestId.clear();
        held.clear();
        inFlight.clear();
        sent.clear();
    }

    private Signed sign(Notification notification, String requestId) {
        byte[] body = EmulatorJson.bytes(notification.body());
        // DOKU signs the path of the Notification URL as it calls it, never the query string.
        String target = URI.create(notification.url()).getRawPath();
        String timestamp = EmulatorSignatures.timestamp(clock.instant());
        return new Signed(notification, requestId, target, body, timestamp,
                signatures.signRequest(requestId, timestamp, target, body));
    }

    private Uni<SentNotification> post(Signed signed) {
        Instant sentAt = clock.instant();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(signed.notification().url())
                .putHeader("Content-Type", "application/json")
                .putHeader("Client-Id", signatures.clientId())
                .putHeader("Request-Id", signed.requestId())
                .putHeader("Request-Timestamp", signed.timestamp())
                .putHeader("Signature", signed.signature());
        return client.request(options)
                .chain(request -> request.send(Buffer.buffer(signed.body())))
                .chain(response -> response.body().map(ignored -> response.statusCode()))
                .ifNoItem().after(settings.notificationTimeout()).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("DOKU emulator could not deliver notification %s to %s: %s", signed.requestId(),
                            signed.notification().url(), failure.toString());
                    return 0;
                })
                .map(status -> {
                    LOG.infof("DOKU emulator notification %s (%s %s for %s) -> %d", signed.requestId(),
                            signed.notification().transactionType(), signed.notification().transactionStatus(),
                            signed.notification().invoiceNumber(), status);
                    return record(signed, sentAt, status, false);
                });
    }

    private SentNotification record(Signed signed, Instant sentAt, int status, boolean held) {
        Notification n = signed.notification();
        SentNotification entry = new SentNotification(signed.requestId(), n.operation(), n.invoiceNumber(),
                n.transactionType(), n.transactionStatus(), n.url(),
                new String(signed.body(), StandardCharsets.UTF_8), sentAt, status, held);
        sent.add(entry);
        return entry;
    }
}
