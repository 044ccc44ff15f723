package com.example.gateway.doku;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.ReceivedRequest;
import com.example.gateway.support.FreshEmulatorAndClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DOKU's Retry-After on 429 and 503, over real HTTP: the retry does not reach the emulator before the
 * time asked for (a lower bound, not a speed test), and a wait beyond doku.retry-after-max (5 s)
 * ends the call without another attempt.
 */
@QuarkusTest
@FreshEmulatorAndClock
class RetryAfterFlowTest {

    static final String APPROVE = "4111111111111111";

    @Inject
    EmulatorClient emulator;

    @Inject
    Clock clock;

    @Test
    void theRetryAfterA429WaitsTheSecondsDokuAskedFor() {
        emulator.retryAfter("2");
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.HTTP_429);

        create(ORDERS, charge(newInvoice(), 50000, "SALE", APPROVE)).statusCode(201).body("status", equalTo("SUCCEEDED"));

        List<ReceivedRequest> calls = emulator.requests(EmulatorOperation.CHARGE);
        assertEquals(2, calls.size());
        assertEquals(429, calls.get(0).httpStatus());
        assertEquals(calls.get(0).requestId(), calls.get(1).requestId(), "the retry reuses the Request-Id");
        assertNotBefore(calls.get(1).receivedAt(), calls.get(0).answeredAt().plusSeconds(2));
    }

    @Test
    void theRetryAfterA503WaitsUntilTheHttpDateDokuNamed() {
        Instant retryAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        emulator.retryAfter(DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atZone(ZoneOffset.UTC)));
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.HTTP_503);

        create(ORDERS, charge(newInvoice(), 50000, "SALE", APPROVE)).statusCode(201).body("status", equalTo("SUCCEEDED"));

        List<ReceivedRequest> calls = emulator.requests(EmulatorOperation.CHARGE);
        assertEquals(2, calls.size());
        assertEquals(503, calls.get(0).httpStatus());
        assertNotBefore(calls.get(1).receivedAt(), retryAt);
    }

    @Test
    void aRetryAfterBeyondTheCapEndsTheCallAsUnavailableWithoutAnotherAttempt() {
        emulator.retryAfter("60");
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.HTTP_503, EmulatorFault.HTTP_503);

        create(ORDERS, paymentPage(newInvoice(), 1000)).statusCode(503).body("code", equalTo("doku_unavailable"));

        assertEquals(1, emulator.requests(EmulatorOperation.PAYMENT_PAGE).size(), "no second attempt");
        assertEquals(List.of(EmulatorFault.HTTP_503), emulator.pendingFaults(EmulatorOperation.PAYMENT_PAGE));
    }

    @Test
    void withoutRetryAfterOurOwnBackoffApplies() {
        emulator.retryAfter(null);
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.HTTP_429, EmulatorFault.HTTP_429);

        create(ORDERS, charge(newInvoice(), 50000, "SALE", APPROVE)).statusCode(201).body("status", equalTo("SUCCEEDED"));

        assertEquals(3, emulator.requests(EmulatorOperation.CHARGE).size());
    }

    private static void assertNotBefore(Instant actual, Instant earliest) {
        assertTrue(!actual.isBefore(earliest), "the retry arrived at " + actual + ", before " + earliest);
    }
}
