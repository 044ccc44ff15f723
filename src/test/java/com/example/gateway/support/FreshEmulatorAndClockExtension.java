package com.example.gateway.support;

import com.example.gateway.emulator.EmulatorClient;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What {@link FreshEmulatorAndClock} does. Before each test, so that it starts clean whatever ran
 * before; after it too, so that the application's background jobs (reconciliation, sweeps, purges)
 * and the classes that follow do not run under a moved clock or scripted chaos. Runs before the
 * class's own {@code @BeforeEach} methods and after its {@code @AfterEach} methods.
 */
public class FreshEmulatorAndClockExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        reset(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset(context);
    }

    private static void reset(ExtensionContext context) {
        ArcContainer container = Arc.container();
        if (container == null) {
            throw new IllegalStateException(context.getRequiredTestClass().getSimpleName()
                    + " is marked @FreshEmulatorAndClock but is not a @QuarkusTest: there is no emulator client or clock");
        }
        container.instance(EmulatorClient.class).get().reset();
        // The clock also puts the emulator's clock back; it is reset through its own method so that the
        // offset the application reads and the emulator's stay one thing.
        container.instance(MutableClock.class).get().reset();
    }
}
