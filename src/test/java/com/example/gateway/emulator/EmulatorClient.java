package com.example.gateway.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tests' hold on the DOKU emulator, which runs as its own process (the gateway's
 * {@code doku.base-url}): its control API over HTTP, to script faults, read what it received and did,
 * and pay payment pages without a browser.
 */
@ApplicationScoped
public class EmulatorClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final String control;

    EmulatorClient(ObjectMapper json, @ConfigProperty(name = "doku.base-url") String baseUrl) {
        this.json = json;
        this.control = baseUrl.replaceAll("/+$", "") + "/control";
    }

    /** Forgets every transaction, token, request and notification; faults back as the emulator started. */
    public void reset() {
        send("POST", "/reset", null, 204);
    }

    /** Queues faults for an operation, consumed one per request (or notification) of that operation. */
    public void scriptFaults(EmulatorOperation operation, EmulatorFault... faults) {
        send("POST", "/faults", Map.of("operation", operation, "faults", List.of(faults)), 200);
    }

    public List<EmulatorFault> pendingFaults(EmulatorOperation operation) {
        JsonNode answer = read(send("POST", "/faults", Map.of("operation", operation, "faults", List.of()), 200), JsonNode.class);
        return read(answer.get("pending").toString(), new TypeReference<>() { });
    }

    /** Every API request received, in arrival order. */
    public List<ReceivedRequest> requests() {
        return read(send("GET", "/requests", null, 200), new TypeReference<>() { });
    }

    public List<ReceivedRequest> requests(EmulatorOperation operation) {
        return requests().stream().filter(r -> r.operation() == operation).toList();
    }

    /** How many times a Request-Id changed something: 0 or 1 unless idempotency is broken. */
    public int effects(String requestId) {
        return ledgerReadout().requests().stream().filter(r -> r.requestId().equals(requestId))
                .mapToInt(LedgerReadout.Request::effects).sum();
    }

    public LedgerReadout ledgerReadout() {
        return read(send("GET", "/ledger", null, 200), LedgerReadout.class);
    }

    /** A transaction by invoice number or by the Request-Id it was created with. */
    public Optional<TransactionSnapshot> transaction(String invoiceOrRequestId) {
        HttpResponse<String> answer = exchange("GET", "/transactions/" + encode(invoiceOrRequestId), null);
        return answer.statusCode() == 404 ? Optional.empty()
                : Optional.of(read(expect(answer, 200), TransactionSnapshot.class));
    }

    /** Makes check status report {@code status} (EXPIRED, TIMEOUT or REDIRECT) for a transaction. */
    public TransactionSnapshot forceStatus(String invoiceNumber, String status) {
        return read(send("POST", "/transactions/" + encode(invoiceNumber) + "/status", Map.of("status", status), 200),
                TransactionSnapshot.class);
    }

    /** The Retry-After of 429 and 503 faults: delta-seconds, an HTTP-date, or {@code null} for none. */
    public void retryAfter(String value) {
        Map<String, String> body = new HashMap<>();
        body.put("value", value);
        send("POST", "/retry-after", body, 200);
    }

    public void chaos(long seed, double rate, Collection<EmulatorFault> faults, Collection<EmulatorOperation> operations) {
        send("POST", "/chaos", Map.of("seed", seed, "rate", rate, "faults", faults, "operations", operations), 200);
    }

    public void stopChaos() {
        send("DELETE", "/chaos", null, 204);
    }

    /** Sets how far the emulator's time runs ahead of real time. */
    public void clockOffset(Duration offset) {
        send("PUT", "/clock", Map.of("offset", offset.toString()), 200);
    }

    /** Marks a transaction settled: from now on a refund is a FULL_ or PARTIAL_REFUND, not a VOID. */
    public void settle(String invoiceNumber) {
        send("POST", "/settle/" + encode(invoiceNumber), null, 204);
    }

    /** Every notification delivery attempt, in order. */
    public List<SentNotification> notifications() {
        return read(send("GET", "/notifications", null, 200), new TypeReference<>() { });
    }

    public List<SentNotification> notifications(String invoiceNumber) {
        return notifications().stream().filter(n -> invoiceNumber.equals(n.invoiceNumber())).toList();
    }

    /** Sends every held notification now, the last held first. */
    public List<SentNotification> releaseHeldNotifications() {
        JsonNode answer = read(send("POST", "/notifications/release-held", null, 200), JsonNode.class);
        return read(answer.get("released").toString(), new TypeReference<>() { });
    }

    /** Pays a payment page with a card (expiry two years ahead, CVV 123), as the page's form would. */
    public PagePaymentResult pay(String sessionOrInvoice, String cardNumber) {
        return pay(sessionOrInvoice, Map.of("card_number", cardNumber));
    }

    public PagePaymentResult pay(String sessionOrInvoice, String cardNumber, String expiry, String cvv) {
        return pay(sessionOrInvoice, Map.of("card_number", cardNumber, "expiry", expiry, "cvv", cvv));
    }

    /** Pays with the saved card the payment page request named in {@code card.token}. */
    public PagePaymentResult payWithSavedCard(String sessionOrInvoice) {
        return pay(sessionOrInvoice, Map.of("saved_card", true));
    }

    private PagePaymentResult pay(String sessionOrInvoice, Map<String, Object> card) {
        return read(send("POST", "/pay/" + encode(sessionOrInvoice), card, 200), PagePaymentResult.class);
    }

    private String send(String method, String path, Object body, int expectedStatus) {
        return expect(exchange(method, path, body), expectedStatus);
    }

    private HttpResponse<String> exchange(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(control + path)).timeout(TIMEOUT);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("DOKU emulator control " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new AssertionError("DOKU emulator control " + answer.request().method() + " " + answer.uri()
                    + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private <T> T read(String body, Class<T> type) {
        return read(body, json.getTypeFactory().constructType(type));
    }

    private <T> T read(String body, TypeReference<T> type) {
        return read(body, json.getTypeFactory().constructType(type));
    }

    private <T> T read(String body, JavaType type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("unreadable answer from the DOKU emulator: " + body, e);
        }
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
