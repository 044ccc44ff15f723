package com.example.gateway.webhook;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.Events;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.WebhookReceiver;
import com.example.gateway.support.WebhookReceiver.Answer;
import com.example.gateway.support.WebhookReceiver.Inbox;
import com.example.gateway.support.WebhookReceiver.Received;
import com.example.gateway.support.Webhooks;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The events of a payment reach an endpoint in the order they happened, even when its changes race
 * each other (concurrent refunds, several payments at once) and the receiver fails now and then: an
 * event is sent only once the one before it was delivered.
 */
@QuarkusTest
@FreshEmulatorAndClock
class WebhookOrderingTest {

    private static final int PAYMENTS = 4;
    private static final int REFUNDS_EACH = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void close() {
        Webhooks.deleteAll(ORDERS);
        receiver.close();
    }

    @Test
    void eachPaymentsEventsArriveInOrderUnderConcurrentChanges() throws Exception {
        Webhooks.awaitEarlierEventsFannedOut(db);
        Inbox inbox = receiver.inbox().script(flakyAnswers(new Random(20261201)));
        Webhooks.register(ORDERS, inbox.url());

        List<String> payments = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            String invoice = newInvoice();
            String id = create(ORDERS, charge(invoice, 20000, "AUTHORIZE", "4111111111111111")).statusCode(201).extract().path("id");
            as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(200);
            emulator.settle(invoice);
            payments.add(id);
        }
        ExecutorService clients = Executors.newFixedThreadPool(PAYMENTS * REFUNDS_EACH);
        try {
            List<CompletableFuture<Integer>> refunds = new ArrayList<>();
            for (String id : payments) {
                for (int r = 0; r < REFUNDS_EACH; r++) {
                    refunds.add(CompletableFuture.supplyAsync(() -> as(ORDERS).body("{\"amount\": 1000}")
                            .post("/v1/payments/" + id + "/refunds").then().extract().statusCode(), clients));
                }
            }
            assertEquals(List.of(201), refunds.stream().map(CompletableFuture::join).distinct().toList());
        } finally {
            clients.shutdownNow();
        }

        for (String id : payments) {
            List<String> history = Events.history(ORDERS, id).getList("items.id");
            assertEquals(3 + REFUNDS_EACH, history.size(), "authorized, captured, succeeded, then each refund");
            await().atMost(Duration.ofSeconds(60)).until(() -> distinctIdsFor(inbox, id), history::equals);
            Map<String, List<Instant>> arrivals = receivedFor(inbox, id).stream().collect(Collectors.groupingBy(
                    Received::webhookId, Collectors.mapping(Received::at, Collectors.toList())));
            for (int k = 1; k < history.size(); k++) {
                Instant lastOfEarlier = arrivals.get(history.get(k - 1)).stream().max(Instant::compareTo).orElseThrow();
                Instant firstOfLater = arrivals.get(history.get(k)).stream().min(Instant::compareTo).orElseThrow();
                assertTrue(lastOfEarlier.isBefore(firstOfLater), "event " + k + " of " + id + " was sent before "
                        + "the one before it was delivered");
            }
        }
    }

    /** Mostly 200 after a short pause, now and then a 500: the receiver of a busy service. */
    private static Answer[] flakyAnswers(Random random) {
        Answer[] answers = new Answer[200];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = new Answer(random.nextInt(5) == 0 ? 500 : 200, null, Duration.ofMillis(random.nextInt(40)));
        }
        return answers;
    }

    private static List<Received> receivedFor(Inbox inbox, String paymentId) {
        return inbox.received().stream().filter(r -> paymentId.equals(dataId(r))).toList();
    }

    private static List<String> distinctIdsFor(Inbox inbox, String paymentId) {
        return receivedFor(inbox, paymentId).stream().map(Received::webhookId).distinct().toList();
    }

    private static String dataId(Received request) {
        try {
            return JSON.readTree(request.body()).path("data").path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
