package com.example.gateway.webhook;

import com.example.gateway.support.SecretBox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks: on each tick, fans new events out into deliveries, claims the due ones and sends
 * each, signed, on its own; a slow receiver holds up only its own deliveries, not the tick nor the other
 * endpoints. At most {@link #IN_FLIGHT} are in flight per replica. At-least-once: a delivery sent but
 * not recorded (a crash) is sent again, with the same {@code webhook-id}, once its lease runs out.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final int IN_FLIGHT = 64;
    /** Fan-out batches per tick at most, so that one tick cannot run on for ever. */
    private static final int FAN_OUT_BATCHES = 10;
    private static final Duration DRAIN_POLL = Duration.ofMillis(10);

    private final FanOut fanOut;
    private final DeliveryQueue queue;
    private final WebhookSender sender;
    private final SecretBox box;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Runs between their start and the start of the deliveries they claimed. */
    private final AtomicInteger claiming = new AtomicInteger();
    /** The longest shutdown waits for deliveries in flight: one attempt, and a little to record it. */
    private final Duration drainTimeout;
    private volatile boolean stopping;

    WebhookDispatcher(FanOut fanOut, DeliveryQueue queue, WebhookSender sender, SecretBox box, Clock clock,
            WebhookConfig config) {
        this.fanOut = fanOut;
        this.queue = queue;
        this.sender = sender;
        this.box = box;
        this.clock = clock;
        this.drainTimeout = config.requestTimeout().plusSeconds(1);
    }

    /**
     * Claims nothing more, and lets the deliveries in flight finish and be recorded while the database
     * is still open (ShutdownEvent comes before the pool closes): cut off, a delivery the receiver
     * already has would be sent again, a duplicate, once its lease ran out.
     */
    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while ((claiming.get() > 0 || inFlight.get() > 0) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(DRAIN_POLL.toNanos());
        }
        if (inFlight.get() > 0) {
            LOG.warnf("%d webhook deliveries still in flight at shutdown; they are sent again once their lease runs out",
                    inFlight.get());
        }
    }

    @Scheduled(every = "${gateway.webhooks.dispatch-every}", delayed = "${gateway.webhooks.dispatch-delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return runOnce().onFailure().recoverWithItem(failure -> {
            if (stopping) {
                // A tick caught by shutdown (its database may already be gone): nothing is lost, nothing to report.
                LOG.debugf("Webhook dispatch cut short by shutdown: %s", failure.getMessage());
                return 0;
            }
            LOG.errorf(failure, "Webhook dispatch failed; the next tick tries again");
            return 0;
        }).replaceWithVoid();
    }

    /**
     * Fans out new events and starts sending what is due; answers how many deliveries it started. Once
     * shutting down, nothing: a run counts itself before it looks, so that shutdown waits for it.
     */
    public Uni<Integer> runOnce() {
        return Uni.createFrom().deferred(() -> {
            claiming.incrementAndGet();
            return stopping ? Uni.createFrom().item(0) : fanOutAll(FAN_OUT_BATCHES)
                    .chain(() -> {
                        int room = IN_FLIGHT - inFlight.get();
                        return room <= 0 ? Uni.createFrom().item(List.<DeliveryQueue.Claimed>of()) : queue.claim(clock.instant(), room);
                    })
                    .invoke(claimed -> claimed.forEach(this::start))
                    .map(List::size);
        }).onTermination().invoke(claiming::decrementAndGet);
    }

    /** Fans out batch after batch while they come full, up to {@code batches}. */
    private Uni<Void> fanOutAll(int batches) {
        return fanOut.runOnce().chain(taken -> taken < FanOut.BATCH || batches <= 1
                ? Uni.createFrom().voidItem() : fanOutAll(batches - 1));
    }

    private void start(DeliveryQueue.Claimed delivery) {
        inFlight.incrementAndGet();
        send(delivery).chain(attempt -> queue.record(delivery, attempt, clock.instant()))
                .onTermination().invoke(inFlight::decrementAndGet)
                .subscribe().with(done -> { }, failure ->
                        LOG.errorf(failure, "Recording webhook delivery %s failed; it is sent again after its lease", delivery.id()));
    }

    private Uni<Attempt> send(DeliveryQueue.Claimed delivery) {
        return Uni.createFrom().deferred(() -> signAndSend(delivery))
                // A secret that does not open (GATEWAY_WEBHOOK_SECRET_KEY changed?) fails the attempt, not the tick.
                .onFailure().recoverWithItem(failure -> Attempt.failed("not signed: " + failure.getMessage()));
    }

    private Uni<Attempt> signAndSend(DeliveryQueue.Claimed delivery) {
        Instant now = clock.instant();
        // The receiver checks webhook-timestamp against its own clock, which a test clock advance
        // (dev, staging) does not move: the timestamp is real time, whatever the gateway's time says.
        long sentAt = Instant.now().getEpochSecond();
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.header(delivery.eventId(), sentAt, body, keys(delivery, now));
        return sender.send(delivery.url(), delivery.eventId(), sentAt, signature, body);
    }

    /** The endpoint's secret, and after a rotation its previous one for as long as that still signs. */
    private List<byte[]> keys(DeliveryQueue.Claimed delivery, Instant now) {
        String context = WebhookBeans.contextOf(delivery.endpointId());
        List<byte[]> keys = new ArrayList<>(List.of(box.open(delivery.secret(), context)));
        if (delivery.previousSecret() != null && delivery.previousSecretUntil().isAfter(now)) {
            keys.add(box.open(delivery.previousSecret(), context));
        }
        return keys;
    }
}
