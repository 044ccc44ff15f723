package com.example.gateway.reliability;

import com.example.gateway.support.TestPorts;
import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A DOKU outage met by many creations at once: every caller gets its 503 promptly, the write-ahead
 * rows are withdrawn, no connection is left idle in a transaction, and the gateway stays ready; the
 * charge breaker, opened by so many failed charges, closes again once DOKU answers.
 */
@QuarkusTest
@FreshEmulatorAndClock
class DokuOutageTest {

    private static final int CALLERS = 20;

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Test
    void concurrentChargesAllAnswered503LeaveNothingBehindAndNothingLocked() throws Exception {
        EmulatorFault[] outage = new EmulatorFault[CALLERS * 4];
        Arrays.fill(outage, EmulatorFault.HTTP_503);
        emulator.scriptFaults(EmulatorOperation.CHARGE, outage);
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            invoices.add(newInvoice());
        }

        Map<Integer, Integer> byStatus = fireConcurrently(invoices);

        assertEquals(Map.of(503, CALLERS), byStatus, "every caller gets DOKU's unavailability, none a 500 or nothing");
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE invoice_number = ANY($1)",
                (Object) invoices.toArray(String[]::new)), "withdrawn write-ahead rows");
        assertEquals(0, db.count("SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'"),
                "no connection left holding a transaction");
        given().port(TestPorts.management()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // The invoices are free again: the same charge goes through once DOKU is back. Twenty failed charges
        // have opened the charge breaker, so that is once its probe, a few seconds on, finds DOKU answering.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(ORDERS).body(charge(invoices.get(0), 1000, "SALE", "4111111111111111"))
                        .post("/v1/payments").statusCode() == 201);
        given().port(TestPorts.management()).get("/q/metrics").then()
                .body(containsString("doku_breaker_state{operation=\"charge\",state=\"closed\"} 1.0"));
    }

    private static Map<Integer, Integer> fireConcurrently(List<String> invoices) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(invoices.size());
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (String invoice : invoices) {
                answers.add(pool.submit(() -> as(ORDERS).body(charge(invoice, 1000, "SALE", "4111111111111111"))
                        .post("/v1/payments")));
            }
            Map<Integer, Integer> byStatus = Collections.synchronizedMap(new TreeMap<>());
            for (Future<Response> answer : answers) {
                byStatus.merge(answer.get(30, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
            }
            return byStatus;
        } finally {
            pool.shutdownNow();
        }
    }
}
