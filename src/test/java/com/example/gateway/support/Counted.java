package com.example.gateway.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** A counter's count as the gateway's registry holds it; 0 for one not incremented yet (so not registered). */
public final class Counted {

    private Counted() {
    }

    /** @param tags alternating tag keys and values */
    public static double count(MeterRegistry meters, String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
