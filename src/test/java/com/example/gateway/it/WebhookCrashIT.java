package com.example.gateway.it;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.WebhookReceiver;
import com.example.gateway.support.WebhookReceiver.Answer;
import com.example.gateway.support.WebhookReceiver.Inbox;
import com.example.gateway.support.WebhookReceiver.Received;
import com.example.gateway.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Webhooks survive a crash between commit and delivery: the packaged service is SIGKILLed while its
 * events are committed but not yet delivered (the receiver is failing, some attempts are in flight),
 * then two replicas take over. Every event arrives, each delivered exactly once across the replicas,
 * in order per payment, signed as the reference library expects.
 */
@QuarkusTest
@FreshEmulatorAndClock
class WebhookCrashIT {

    private static final String APPROVE = "4111111111111111";

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    private final String run = "WHCRASH-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void eventsCommittedBeforeACrashAreDeliveredAfterItOnceAndInOrder() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Inbox inbox = receiver.inbox().otherwise(new Answer(503, null, Duration.ofMillis(300)));
            List<String> payments = new ArrayList<>();
            String secret;
            try (PackagedGateway first = PackagedGateway.start("webhooks-first", PackagedGateway.LOOPBACK_WEBHOOKS)) {
                secret = Webhooks.register(ORDERS, inbox.url()).secret();
                for (int i = 0; i < 3; i++) {
                    payments.add(created(first, paymentPage(run + "-page-" + i, 30000)));
                    payments.add(created(first, charge(run + "-sale-" + i, 40000, "SALE", APPROVE)));
                    String authorized = created(first, charge(run + "-auth-" + i, 50000, "AUTHORIZE", APPROVE));
                    first.as(ORDERS).body("{}").post("/v1/payments/" + authorized + "/capture").then().statusCode(200);
                    payments.add(authorized);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> inbox.received().size() >= payments.size());
                first.kill();
            }
            long events = db.count("SELECT count(*) FROM payment_events WHERE payment_id = ANY($1)", (Object) ids(payments));
            long delivered = db.count("SELECT count(*) FROM webhook_deliveries WHERE payment_id = ANY($1) "
                    + "AND status = 'delivered'", (Object) ids(payments));
            System.out.printf("[webhook-crash] at SIGKILL: %d events committed, %d delivered, %d attempts made%n",
                    events, delivered, inbox.received().size());
            assertEquals(0, delivered, "the receiver had accepted nothing yet");

            inbox.otherwise(Answer.of(200));
            Instant restart = Instant.now();
            try (PackagedGateway second = PackagedGateway.start("webhooks-second", PackagedGateway.LOOPBACK_WEBHOOKS);
                    PackagedGateway third = PackagedGateway.start("webhooks-third", PackagedGateway.LOOPBACK_WEBHOOKS)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> db.count(LeftBehind.UNDELIVERED, (Object) ids(payments)), n -> n == 0);
                System.out.printf("[webhook-crash] two replicas delivered every event %d ms after the restart began%n",
                        Duration.between(restart, Instant.now()).toMillis());
            }
            for (String payment : payments) {
                assertDeliveredOnceInOrder(inbox, payment, secret);
            }
        }
    }

    private void assertDeliveredOnceInOrder(Inbox inbox, String payment, String secret) {
        List<String> history = db.column("SELECT id FROM payment_events WHERE payment_id = $1 ORDER BY seq", payment);
        Map<String, List<Received>> byId = inbox.received().stream()
                .filter(r -> history.contains(r.webhookId())).collect(Collectors.groupingBy(Received::webhookId));
        Instant previousDelivered = Instant.MIN;
        for (String event : history) {
            List<Received> attempts = byId.get(event);
            List<Received> accepted = attempts.stream().filter(r -> r.answered() == 200).toList();
            assertEquals(1, accepted.size(), event + " accepted exactly once across the replicas");
            Instant firstAttempt = attempts.stream().map(Received::at).min(Instant::compareTo).orElseThrow();
            assertTrue(previousDelivered.isBefore(firstAttempt), event + " was sent before the event before it was delivered");
            previousDelivered = accepted.get(0).at();
            assertTrue(Webhooks.verifies(secret, accepted.get(0)), "the reference library verifies " + event);
        }
    }

    private static String created(PackagedGateway gateway, String body) {
        return gateway.as(ORDERS).body(body).post("/v1/payments").then().statusCode(201).extract().path("id");
    }

    private static String[] ids(List<String> payments) {
        return payments.toArray(String[]::new);
    }
}
