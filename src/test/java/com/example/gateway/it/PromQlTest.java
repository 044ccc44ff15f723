package com.example.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void makesComparisonsBoolButLeavesMatchersAndStringsAlone() {
        assertEquals("max(gateway_payments_unknown) > bool 0", PromQl.withBoolComparisons("max(gateway_payments_unknown) > 0"));
        assertEquals("sum(rate(x{outcome!~\"a|b\",status=~\"5..\"}[5m])) >= bool 5 and up{job=\"g\"} == bool 0",
                PromQl.withBoolComparisons("sum(rate(x{outcome!~\"a|b\",status=~\"5..\"}[5m])) >= 5 and up{job=\"g\"} == 0"));
        assertEquals("a != bool b", PromQl.withBoolComparisons("a != b"));
    }
}
