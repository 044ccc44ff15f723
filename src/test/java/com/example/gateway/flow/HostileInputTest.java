package com.example.gateway.flow;

import com.example.gateway.support.TestPorts;
import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.get;
import static com.example.gateway.support.GatewayApi.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.ReceivedRequest;
import com.example.gateway.flow.HostileRequests.Hostile;
import com.example.gateway.support.RawHttp;
import com.example.gateway.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several hundred generated hostile requests over every endpoint: each is refused with a 4xx
 * problem+json that has a code (never a 500, never an empty body), and all of them together store
 * no payment, operation or idempotency record, make no DOKU call, and leak no card number or secret
 * into the log, the database or the metrics.
 */
@QuarkusTest
class HostileInputTest {

    private static final long SEED = 20261123L;
    private static final int API_PORT = TestPorts.api();
    private static final String DOKU_SECRET = "test-secret-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Authorization: Bearer " + ORDERS;
    private static final String JSON_TYPE = "Content-Type: application/json";
    private static final String APPROVE = "4111111111111111";
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Test
    void everyHostileRequestIsAProblemAndLeavesNoTrace() throws IOException {
        String paymentId = create(ORDERS, paymentPage(newInvoice(), 10000)).statusCode(201).extract().path("id");
        Map<String, Long> rowsBefore = rowCounts();
        Set<String> dokuCallsBefore = dokuRequestIds();
        HostileRequests table = new HostileRequests(SEED, paymentId);
        List<Hostile> requests = table.all();
        Collections.shuffle(requests, new Random(SEED));

        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Hostile request : requests) {
            RawHttp.Answer answer;
            try {
                answer = RawHttp.send(API_PORT, request.method(), request.target(), request.headers(), request.body());
            } catch (UncheckedIOException e) {
                failures.add(request.name() + " -> no answer: " + e.getCause());
                continue;
            }
            byStatus.merge(answer.status(), 1, Integer::sum);
            String problem = problemCode(answer);
            if (answer.status() < 400 || answer.status() >= 500 || problem == null) {
                failures.add(request.name() + " -> " + answer.status() + " " + answer.contentType() + " "
                        + HostileRequests.abbreviated(answer.bodyText()));
            } else if (table.cardNumbers().stream().anyMatch(answer.bodyText()::contains)) {
                failures.add(request.name() + " -> a card number echoed in the answer");
            }
        }
        Map<String, Long> rowsAfter = rowCounts();
        // Late retries of earlier tests' operations reuse their Request-Ids: only a new one is a new DOKU call.
        Set<String> newDokuCalls = new HashSet<>(dokuRequestIds());
        newDokuCalls.removeAll(dokuCallsBefore);
        System.out.printf("HOSTILE-INPUT seed=%d requests=%d by-status=%s rows-before=%s rows-after=%s "
                + "new-doku-calls=%d failures=%d%n", SEED, requests.size(), byStatus,
                rowsBefore, rowsAfter, newDokuCalls.size(), failures.size());

        assertTrue(requests.size() >= 300, "at least 300 hostile requests");
        assertTrue(failures.isEmpty(), failures.size() + " answers were not a 4xx problem with a code:\n"
                + String.join("\n", failures));
        assertEquals(rowsBefore, rowsAfter, "no payment, operation or idempotency row written");
        assertEquals(Set.of(), newDokuCalls, "no DOKU call");
        assertNothingLeaks(table.cardNumbers());
    }


    /** Issue 17 (7): a capture body sent as text/plain, or with no Content-Type, was read as JSON and sent to DOKU. */
    @Test
    void aBodyNotDeclaredJsonIsRefusedBeforeAnythingHappens() {
        String invoice = newInvoice();
        String id = create(ORDERS, charge(invoice, 30000, "AUTHORIZE", APPROVE)).statusCode(201)
                .body("status", equalTo("AUTHORIZED")).extract().path("id");
        Map<String, Long> rowsBefore = rowCounts();
        Set<String> dokuCallsBefore = dokuRequestIdsBut(aboutOtherPayments(invoice));
        byte[] amount = "{\"amount\": 10000}".getBytes(StandardCharsets.UTF_8);
        for (List<String> headers : List.of(List.of(AUTH), List.of(AUTH, "Content-Type: text/plain"),
                List.of(AUTH, "Content-Type: application/x-www-form-urlencoded"),
                List.of(AUTH, "Content-Type: application/json; charset=utf-16"))) {
            RawHttp.Answer answer = RawHttp.send(API_PORT, "POST", "/v1/payments/" + id + "/capture", headers, amount);
            assertEquals(415, answer.status(), headers + " -> " + answer.bodyText());
            assertEquals("unsupported_media_type", problemCode(answer), headers.toString());
        }
        assertEquals(rowsBefore, rowCounts(), "no operation or idempotency row");
        assertEquals(dokuCallsBefore, dokuRequestIdsBut(aboutOtherPayments(invoice)), "no DOKU call");
        assertEquals("AUTHORIZED", status(ORDERS, id));
        // Declared JSON (with or without its charset) and a capture with no body at all still work.
        assertEquals(200, RawHttp.send(API_PORT, "POST", "/v1/payments/" + id + "/capture",
                List.of(AUTH, "Content-Type: application/json; charset=UTF-8"), amount).status());
        assertEquals(200, RawHttp.send(API_PORT, "POST", "/v1/payments/" + id + "/sync", List.of(AUTH), null).status());
    }

    /** Issue 17 (7): {@code limit=}, {@code limit=10&limit=500}, {@code expiring_before=}, {@code type=} were accepted. */
    @Test
    void emptyOrRepeatedQueryParametersAreListedByName() {
        assertFields(Set.of("limit", "invoice_number", "status"),
                "/v1/payments?limit=10&limit=500&invoice_number=&status=SUCCEEDED&status=FAILED&customer_id=CUST-1");
        assertFields(Set.of("expiring_before", "cursor"), "/v1/authorizations?expiring_before=&cursor&limit=5");
        assertFields(Set.of("type"), "/v1/customers/CUST-1/tokens?type=");
        assertFields(Set.of("type"), "/v1/customers/CUST-1/tokens?type=CREDIT_CARD&type=CREDIT_CARD");
        assertFields(Set.of("status", "limit"), "/v1/webhook-deliveries?status=&limit=5&limit=5");
        // Parameters the endpoint does not define are not its business.
        assertEquals(200, RawHttp.send(API_PORT, "GET", "/v1/payments?limit=5&utm=&utm=", List.of(AUTH), null).status());
    }

    /** Issue 17 (6): a card number sent as a field name came back in errors[].field. */
    @Test
    void unknownFieldNamesAreNotEchoedRaw() throws IOException {
        String number = "4000001234567899";
        String body = paymentPage(newInvoice(), 10000).replaceFirst("\\{", "{\"" + number + "\": 1, \"colour\": 2, \""
                + "x".repeat(300) + "\": 3, ");
        RawHttp.Answer answer = RawHttp.send(API_PORT, "POST", "/v1/payments", List.of(AUTH, JSON_TYPE),
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, answer.status(), answer.bodyText());
        assertTrue(!answer.bodyText().contains(number) && !answer.bodyText().contains("0000012"),
                "no digit run of the card number in " + answer.bodyText());
        Set<String> fields = new HashSet<>();
        JSON.readTree(answer.body()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertTrue(fields.contains("colour"), "a harmless unknown name is still named: " + fields);
        assertEquals(3, fields.size(), fields.toString());
        assertTrue(fields.stream().allMatch(field -> field.length() <= 64), "names are bounded: " + fields);
    }

    /**
     * Issue 17 (5): a 401 or 404 under /v1/ put the raw path into the {@code uri} label, and after ~100
     * junk paths Micrometer's tag cap stopped recording real routes. 1 000 junk paths later, the HTTP
     * server metric has a bounded number of series, none naming a junk path, and a real request is
     * still recorded under its route template, in latency buckets.
     */
    @Test
    void junkPathsLeaveTheHttpServerMetricBounded() {
        String id = create(ORDERS, paymentPage(newInvoice(), 10000)).statusCode(201).extract().path("id");
        int seriesBefore = httpServerSeries().size();
        Random random = new Random(SEED);
        List<String> junk = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String digits = String.valueOf(4_000_000_000_000_000L + Math.abs(random.nextLong() % 1_000_000_000_000_000L));
            String path = switch (i % 5) {
                case 0 -> "/v1/" + digits;
                case 1 -> "/v1/payments/" + digits + "/capture";
                case 2 -> "/v1/" + digits + "/x";
                case 3 -> "/v1/customers/" + digits;
                default -> "/v1/payments/pay_" + digits + "/nothing";
            };
            List<String> headers = i % 2 == 0 ? List.of() : List.of(AUTH);
            RawHttp.Answer answer = RawHttp.send(API_PORT, i % 3 == 0 ? "POST" : "GET", path, headers, null);
            assertTrue(answer.status() == 401 || answer.status() == 404 || answer.status() == 405,
                    path + " -> " + answer.status());
            junk.add(digits);
        }
        List<Map<String, String>> series = httpServerSeries();
        Set<String> uris = series.stream().map(labels -> labels.get("uri")).collect(Collectors.toCollection(HashSet::new));
        List<String> leaked = uris.stream().filter(uri -> junk.stream().anyMatch(uri::contains)).toList();
        System.out.printf("HTTP-METRIC-SERIES before=%d after=%d uris=%d%n", seriesBefore, series.size(), uris.size());
        assertEquals(List.of(), leaked.stream().limit(5).toList(), leaked.size() + " junk paths in the uri label");
        assertTrue(series.size() <= seriesBefore + 12, "junk added " + (series.size() - seriesBefore) + " series");
        assertTrue(uris.size() <= 40, "uri values: " + uris);

        Map<String, String> paymentGet = Map.of("uri", "/v1/payments/{id}", "method", "GET", "status", "200");
        double before = httpServerCount(paymentGet);
        get(ORDERS, id).statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> httpServerCount(paymentGet) == before + 1);
        String metrics = metricsText();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                && line.contains("uri=\"/v1/payments/{id}\"") && line.contains("le=\"0.1\"")),
                "latency buckets (SLOs) for the route, for a p99 by histogram_quantile");
    }

    private static void assertFields(Set<String> expected, String target) {
        RawHttp.Answer answer = RawHttp.send(API_PORT, "GET", target, List.of(AUTH), null);
        assertEquals(400, answer.status(), target + " -> " + answer.bodyText());
        assertEquals("validation_failed", problemCode(answer), target);
        Set<String> fields = new HashSet<>();
        try {
            JSON.readTree(answer.body()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(expected, fields, target);
    }

    /** The label sets of {@code http_server_requests_seconds_count} on the management port. */
    private static List<Map<String, String>> httpServerSeries() {
        List<Map<String, String>> series = new ArrayList<>();
        for (String exposed : metricsText().lines().toList()) {
            // With tracing on, a sample may end with an OpenMetrics exemplar (" # {trace_id=…} 1.0 …"): not ours to count.
            String line = exposed.contains(" # ") ? exposed.substring(0, exposed.indexOf(" # ")) : exposed;
            if (line.startsWith("http_server_requests_seconds_count{")) {
                Map<String, String> labels = new TreeMap<>();
                Matcher label = LABEL.matcher(line.substring(0, line.lastIndexOf('}')));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                labels.put("_value", line.substring(line.lastIndexOf('}') + 1).trim());
                series.add(labels);
            }
        }
        return series;
    }

    private static double httpServerCount(Map<String, String> wanted) {
        return httpServerSeries().stream()
                .filter(labels -> wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey()))))
                .mapToDouble(labels -> Double.parseDouble(labels.get("_value"))).sum();
    }

    private static String metricsText() {
        return given().port(TestPorts.management()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static String problemCode(RawHttp.Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return null;
        }
        try {
            JsonNode code = JSON.readTree(answer.body()).path("code");
            return code.isTextual() && !code.textValue().isEmpty() ? code.textValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void assertNothingLeaks(List<String> cardNumbers) throws IOException {
        String log = Files.readString(Path.of("target/test-gateway.log"));
        String stored = String.join("\n", db.allText());
        String metrics = given().port(TestPorts.management()).get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> secrets = new ArrayList<>(cardNumbers);
        secrets.add(DOKU_SECRET);
        for (String secret : secrets) {
            String shown = secret.equals(DOKU_SECRET) ? "the DOKU secret" : "card " + secret.substring(0, 6) + "…";
            assertTrue(!log.contains(secret), shown + " in the log");
            assertTrue(!stored.contains(secret), shown + " in the database");
            assertTrue(!metrics.contains(secret), shown + " in the metrics");
        }
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("payments", "payment_operations", "idempotency_keys")) {
            counts.put(table, db.count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    /** The Request-Ids of every DOKU call the emulator has received (a request without one counts as "none"). */
    private Set<String> dokuRequestIds() {
        return dokuRequestIdsBut(r -> false);
    }

    private Set<String> dokuRequestIdsBut(Predicate<ReceivedRequest> left) {
        return emulator.requests().stream().filter(left.negate())
                .map(r -> r.requestId() == null ? "none" : r.requestId()).collect(Collectors.toSet());
    }

    /**
     * DOKU calls about earlier tests' payments, which may land at any moment (reconciliation asking about
     * one, a call held at DOKU past its test's end): nothing a request about {@code invoice} could cause.
     */
    private static Predicate<ReceivedRequest> aboutOtherPayments(String invoice) {
        return r -> r.invoiceNumber() != null && !r.invoiceNumber().equals(invoice);
    }
}
