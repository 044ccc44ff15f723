package com.example.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestTimingTest {

    @Test
    void withoutDokuOnlyTheGatewaysTimeInMillisecondsWithMicroseconds() {
        assertEquals("gateway;dur=1.234", new RequestTiming(1_000).header(1_000 + 1_234_567));
        assertEquals("gateway;dur=0.005", new RequestTiming(0).header(5_999));
        assertEquals("gateway;dur=12.050", new RequestTiming(0).header(12_050_000));
    }

    @Test
    void dokusAttemptsAreSummedAndNotTheGateways() {
        RequestTiming timing = new RequestTiming(0);
        timing.dokuAttempt(1_000_000_000);
        timing.dokuAttempt(200_500_000);
        assertEquals("gateway;dur=3.000, doku;dur=1200.500", timing.header(1_203_500_000));
    }

    @Test
    void dokuCallsInParallelNeverMakeTheGatewaysTimeNegative() {
        RequestTiming timing = new RequestTiming(0);
        timing.dokuAttempt(900);
        timing.dokuAttempt(900);
        assertEquals("gateway;dur=0.000, doku;dur=0.001", timing.header(1_000));
    }

    @Test
    void offAVertxContextThereIsNoRequestToTime() {
        assertNull(RequestTiming.start());
        assertNull(RequestTiming.current());
    }
}
