package com.example.gateway.flow;

import com.example.gateway.support.TestPorts;
import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After enough failed attempts the circuit opens: callers get 503 at once and DOKU is left alone. */
@QuarkusTest
@TestProfile(CircuitBreakerTest.SmallCircuit.class)
class CircuitBreakerTest {

    public static class SmallCircuit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.fault-tolerance.\"com.example.gateway.doku.DokuTransport\".circuit-breaker"
                    + ".request-volume-threshold", "4");
        }
    }

    @Inject
    EmulatorClient emulator;

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndShortCircuitsLaterCalls() {
        emulator.reset();
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE,
                EmulatorFault.HTTP_503, EmulatorFault.HTTP_503, EmulatorFault.HTTP_503, EmulatorFault.HTTP_503);
        create(ORDERS, paymentPage(newInvoice(), 1000)).statusCode(503).body("code", equalTo("doku_unavailable"));
        assertEquals(4, emulator.requests(EmulatorOperation.PAYMENT_PAGE).size());

        create(ORDERS, paymentPage(newInvoice(), 1000)).statusCode(503).body("code", equalTo("doku_unavailable"));
        assertEquals(4, emulator.requests(EmulatorOperation.PAYMENT_PAGE).size(), "no call reached DOKU");
        given().port(TestPorts.management()).get("/q/metrics").then()
                .body(containsString("doku_calls_seconds_count{operation=\"payment_page\",outcome=\"circuit_open\"}"))
                .body(containsString("ft_circuitbreaker_state_current"))
                .body(containsString("ft_retry_retries_total"));
    }
}
