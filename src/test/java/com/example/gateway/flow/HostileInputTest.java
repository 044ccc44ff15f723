package com.example.gateway.flow;

import com.example.gateway.support.TestPorts;
import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.flow.HostileRequests.Hostile;
import com.example.gateway.support.RawHttp;
import com.example.gateway.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        return emulator.requests().stream().map(r -> r.requestId() == null ? "none" : r.requestId())
                .collect(Collectors.toSet());
    }
}
