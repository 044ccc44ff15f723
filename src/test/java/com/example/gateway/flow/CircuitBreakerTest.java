package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestPorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payment-page breaker judges operations after their retries: faults that the retries absorb do
 * not count, operations that fail after them do; open, it answers 503 with Retry-After at once and
 * leaves DOKU alone. (Until issue 19 one breaker counted every attempt of every operation: nine
 * absorbed faults here would have opened it.)
 */
@QuarkusTest
@FreshEmulatorAndClock
@TestProfile(CircuitBreakerTest.SmallWindow.class)
class CircuitBreakerTest {

    private static final EmulatorFault[] THREE_503 = {EmulatorFault.HTTP_503, EmulatorFault.HTTP_503, EmulatorFault.HTTP_503};
    private static final EmulatorFault[] FOUR_503 = {EmulatorFault.HTTP_503, EmulatorFault.HTTP_503,
            EmulatorFault.HTTP_503, EmulatorFault.HTTP_503};

    public static class SmallWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("doku.breaker.minimum-operations", "6", "doku.breaker.window", "PT30S");
        }
    }

    @Inject
    EmulatorClient emulator;

    @Test
    void faultsTheRetriesAbsorbDoNotCountOperationsThatFailDoAndTheOpenBreakerAnswersAtOnce() {
        emulator.retryAfter(null);
        for (int i = 0; i < 3; i++) {
            emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, THREE_503);
            create(ORDERS, paymentPage(newInvoice(), 1000)).statusCode(201);
        }
        // 3 operations after 9 faulted attempts: all succeeded. Two that fail after their retries: 2 of 5.
        for (int i = 0; i < 2; i++) {
            emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, FOUR_503);
            create(ORDERS, paymentPage(newInvoice(), 1000)).statusCode(503).header("Retry-After", nullValue())
                    .body("code", equalTo("doku_unavailable"));
        }
        // The sixth fills the window; 3 failed of 6 is the 50 % that opens it.
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, FOUR_503);
        create(ORDERS, paymentPage(newInvoice(), 1000)).statusCode(503).header("Retry-After", nullValue());
        assertEquals(24, emulator.requests(EmulatorOperation.PAYMENT_PAGE).size());

        create(ORDERS, paymentPage(newInvoice(), 1000)).statusCode(503).header("Retry-After", notNullValue())
                .body("code", equalTo("doku_unavailable"));
        assertEquals(24, emulator.requests(EmulatorOperation.PAYMENT_PAGE).size(), "no call reached DOKU");
        given().port(TestPorts.management()).get("/q/metrics").then()
                .body(containsString("doku_calls_seconds_count{operation=\"payment_page\",outcome=\"circuit_open\"}"))
                .body(containsString("doku_breaker_state{operation=\"payment_page\",state=\"open\"} 1.0"))
                .body(containsString("doku_breaker_state{operation=\"charge\",state=\"closed\"} 1.0"))
                .body(containsString("ft_retry_retries_total"));
    }
}
