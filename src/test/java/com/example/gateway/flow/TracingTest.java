package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.ReceivedRequest;
import com.example.gateway.support.CapturedSpans;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.WebhookReceiver;
import com.example.gateway.support.Webhooks;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One payment can be followed end to end: one trace from the caller's request through the database and
 * each DOKU attempt (DOKU receives that trace in {@code traceparent}), with no card data in any span, and
 * the log lines about the payment carry its ids and that trace.
 */
@QuarkusTest
@FreshEmulatorAndClock
class TracingTest {

    private static final String CARD = MoneyMovementTest.APPROVE;
    /** The card's expiry and CVV as GatewayApi.charge sends them. */
    private static final Set<String> CARD_DATA = Set.of(CARD, "1230", "123");

    @Inject
    EmulatorClient emulator;

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Inject
    CapturedSpans captured;

    @Inject
    TestDatabase db;

    @BeforeEach
    void start() {
        captured.start();
    }

    @AfterEach
    void stop() {
        captured.stop();
        Webhooks.deleteAll(ORDERS);
    }

    @Test
    void eachWebhookAttemptIsASpanWhoseContextTheReceiverGets() {
        Webhooks.awaitEarlierEventsFannedOut(db);
        WebhookReceiver.Inbox inbox = RECEIVER.inbox();
        Webhooks.register(ORDERS, inbox.url());
        create(ORDERS, charge(newInvoice(), 90000, "SALE", CARD)).statusCode(201);

        WebhookReceiver.Received delivered = await().atMost(Duration.ofSeconds(30))
                .until(inbox::received, received -> !received.isEmpty()).get(0);
        String traceparent = delivered.header("traceparent");
        assertTrue(traceparent != null && traceparent.startsWith("00-"), "the receiver got a traceparent: " + traceparent);
        String[] parts = traceparent.split("-");
        SpanData attempt = await().atMost(Duration.ofSeconds(10)).until(() -> captured.spans().stream()
                .filter(s -> s.getTraceId().equals(parts[1]) && s.getSpanId().equals(parts[2])).findFirst().orElse(null),
                span -> span != null);
        assertEquals(SpanKind.CLIENT, attempt.getKind());
        assertEquals("webhook POST", attempt.getName());
        assertEquals(delivered.webhookId(), attempt.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("webhook.id")).map(e -> String.valueOf(e.getValue())).findFirst().orElse(null));
        String path = java.net.URI.create(inbox.url()).getPath();
        assertTrue(texts(attempt).noneMatch(text -> text.contains(path)),
                () -> "the span names the host only, not the URL's path: " + describe(List.of(attempt)));
    }

    @Test
    void aChargeIsOneTraceFromTheRequestThroughTheDatabaseAndEachDokuAttempt() {
        // The first attempt fails with a 500: the charge goes out twice under one Request-Id.
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.HTTP_500);
        String invoice = newInvoice();
        String paymentId = create(ORDERS, charge(invoice, 90000, "SALE", CARD)).statusCode(201)
                .extract().path("id");

        SpanData request = await().atMost(Duration.ofSeconds(10)).until(() -> serverSpan(), span -> span != null);
        String traceId = request.getTraceId();
        List<SpanData> trace = await().atMost(Duration.ofSeconds(10))
                .until(() -> inTrace(traceId), spans -> dokuAttempts(spans).size() >= 2 && !databaseSpans(spans).isEmpty());

        List<SpanData> attempts = dokuAttempts(trace);
        assertEquals(2, attempts.size(), () -> "two DOKU attempts in the trace: " + describe(trace));
        assertFalse(databaseSpans(trace).isEmpty(), () -> "database spans in the trace: " + describe(trace));

        List<ReceivedRequest> received = emulator.requests(EmulatorOperation.CHARGE).stream()
                .filter(r -> invoice.equals(r.invoiceNumber()) || r.fault() != null).toList();
        assertEquals(2, received.size(), "DOKU received two charge attempts");
        Set<String> attemptSpanIds = attempts.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        for (ReceivedRequest r : received) {
            assertTrue(r.traceparent() != null && r.traceparent().startsWith("00-" + traceId + "-"),
                    "DOKU received the payment's trace in traceparent: " + r.traceparent());
            // traceparent = version-traceid-parentid-flags: the parent is that attempt's own span.
            assertTrue(attemptSpanIds.contains(r.traceparent().split("-")[2]),
                    "the traceparent names a DOKU attempt span: " + r.traceparent());
        }

        List<String> leaks = captured.spans().stream().flatMap(TracingTest::texts)
                .filter(TracingTest::holdsCardData).toList();
        assertTrue(leaks.isEmpty(), () -> "card data in span attributes or events: " + leaks);
        assertTrue(paymentId.startsWith("pay"));
    }

    @Test
    void aLogLineAboutThePaymentCarriesItsIdsAndTrace() throws IOException {
        String invoice = newInvoice();
        String paymentId = create(ORDERS, charge(invoice, 90000, "SALE", CARD)).statusCode(201)
                .extract().path("id");
        String requestId = emulator.transaction(invoice).orElseThrow().originalRequestId();
        String traceId = await().atMost(Duration.ofSeconds(10)).until(() -> serverSpan(), span -> span != null).getTraceId();

        List<String> lines = await().atMost(Duration.ofSeconds(10)).until(
                () -> logLines().filter(line -> line.contains("payment=" + paymentId)).toList(), found -> !found.isEmpty());
        assertTrue(lines.stream().anyMatch(line -> line.contains("trace=" + traceId) && line.contains("client=orders")
                        && line.contains("doku=" + requestId) && line.contains("DOKU CHARGE: answered")),
                () -> "a line with payment " + paymentId + ", client, Request-Id " + requestId + " and trace " + traceId
                        + ": " + lines);
    }

    private SpanData serverSpan() {
        return captured.spans().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("POST /v1/payments"))
                .findFirst().orElse(null);
    }

    private List<SpanData> inTrace(String traceId) {
        return captured.spans().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static List<SpanData> dokuAttempts(List<SpanData> spans) {
        return spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT && s.getAttributes().asMap().values().stream()
                        .anyMatch(value -> String.valueOf(value).contains("/credit-card/charge")))
                .toList();
    }

    private static List<SpanData> databaseSpans(List<SpanData> spans) {
        return spans.stream().filter(s -> s.getAttributes().asMap().keySet().stream()
                .anyMatch(k -> k.getKey().startsWith("db."))).toList();
    }

    /** Every attribute value and event of a span, as text. */
    private static Stream<String> texts(SpanData span) {
        return Stream.concat(Stream.of(span.getName()), Stream.concat(
                span.getAttributes().asMap().values().stream().map(String::valueOf),
                span.getEvents().stream().flatMap(e -> Stream.concat(Stream.of(e.getName()),
                        e.getAttributes().asMap().values().stream().map(String::valueOf)))));
    }

    /** The card number anywhere, or the expiry or CVV as a token of its own (ids may hold the digits). */
    private static boolean holdsCardData(String text) {
        return text.contains(CARD) || text.contains("\"cvv\"")
                || Arrays.stream(text.split("[^A-Za-z0-9]+")).anyMatch(CARD_DATA::contains);
    }

    private static Stream<String> logLines() throws IOException {
        return Files.readAllLines(Path.of("target/test-gateway.log")).stream();
    }

    private static String describe(List<SpanData> spans) {
        return spans.stream().map(s -> s.getKind() + " " + s.getName() + " " + s.getAttributes().asMap())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
