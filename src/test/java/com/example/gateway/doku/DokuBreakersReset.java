package com.example.gateway.doku;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Every {@code @QuarkusTest} method starts with DOKU's circuit breakers closed: tests share one
 * application, and a test that broke DOKU on purpose must not leave the next facing an open breaker.
 */
public class DokuBreakersReset implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        var breakers = Arc.container().instance(DokuBreakers.class);
        if (breakers.isAvailable()) {
            breakers.get().closeAll();
        }
    }
}
