package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.Counted;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.MutableClock;
import com.example.gateway.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each internal client has its own rate limit (%test: {@code throttled} may make 2 calls a minute, every
 * other client a million a second). Over it, a call is answered 429 {@code rate_limited} with
 * {@code Retry-After} and does nothing at all; other clients are not affected.
 */
@QuarkusTest
@FreshEmulatorAndClock
class RateLimitTest {

    private static final String THROTTLED = "throttled-key";

    @Inject
    MutableClock clock;

    @Inject
    TestDatabase db;

    @Inject
    EmulatorClient emulator;

    @Inject
    MeterRegistry meters;

    @Test
    void aCallOverTheClientsLimitIs429AndDoesNothing() {
        clock.advance(Duration.ofMinutes(2)); // whatever came before, the bucket is full again: 2 calls
        double limitedBefore = counted("limited");
        as(THROTTLED).get("/v1/payments").then().statusCode(200);
        as(THROTTLED).get("/v1/payments").then().statusCode(200);
        int dokuCalls = emulator.requests().size();
        String invoice = newInvoice();
        String key = "rate-" + invoice;

        ExtractableResponse<Response> refused = as(THROTTLED).header("Idempotency-Key", key)
                .body(paymentPage(invoice, 10000)).post("/v1/payments").then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("rate_limited")).extract();

        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "whole seconds until a call is refilled (2 a minute): " + retryAfter);
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE invoice_number = $1", invoice), "no row");
        assertEquals(dokuCalls, emulator.requests().size(), "no DOKU call");
        assertEquals(0, db.count("SELECT count(*) FROM idempotency_keys WHERE client_name = 'throttled' "
                + "AND idempotency_key = $1", key), "no Idempotency-Key stored");
        assertEquals(limitedBefore + 1, counted("limited"), "counted in gateway_rate_limit_total{client,outcome}");
        as(ORDERS).get("/v1/payments").then().statusCode(200); // another client's bucket is its own

        clock.advance(Duration.ofSeconds(retryAfter));
        as(THROTTLED).header("Idempotency-Key", key).body(paymentPage(invoice, 10000)).post("/v1/payments").then()
                .statusCode(201);
        assertEquals(1, db.count("SELECT count(*) FROM payments WHERE invoice_number = $1", invoice),
                "after Retry-After the same call goes through");
    }

    private double counted(String outcome) {
        return Counted.count(meters, "gateway.rate.limit", "client", "throttled", "outcome", outcome);
    }
}
