package com.example.gateway.doku;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.support.FreshEmulatorAndClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a generous cap, a Retry-After beyond the retry budget (30 s) still ends the call at once. */
@QuarkusTest
@FreshEmulatorAndClock
@TestProfile(RetryBudgetTest.GenerousCap.class)
class RetryBudgetTest {

    public static class GenerousCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("doku.retry-after-max", "PT2M");
        }
    }

    @Inject
    EmulatorClient emulator;

    @Test
    void aRetryAfterBeyondTheRetryBudgetEndsTheCallWithoutAnotherAttempt() {
        emulator.retryAfter("45");
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.HTTP_429, EmulatorFault.HTTP_429);

        create(ORDERS, paymentPage(newInvoice(), 1000)).statusCode(503).body("code", equalTo("doku_unavailable"));

        assertEquals(1, emulator.requests(EmulatorOperation.PAYMENT_PAGE).size(), "no second attempt");
        assertEquals(List.of(EmulatorFault.HTTP_429), emulator.pendingFaults(EmulatorOperation.PAYMENT_PAGE));
    }
}
