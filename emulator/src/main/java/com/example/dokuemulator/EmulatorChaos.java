package com.example.dokuemulator;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Random faults for a fault suite: each incoming request of the chosen operations (and each
 * notification they send) gets, with probability {@code rate}, one of the chosen faults that applies
 * to it. Requests and notifications draw from two generators seeded from {@code seed}, so that the
 * background timing of notifications cannot shift the requests' sequence: the same seed and the same
 * order of requests give the same faults.
 */
final class EmulatorChaos {

    /** The settings, as the control endpoint shows them. */
    record Settings(long seed, double rate, Set<EmulatorFault> faults, Set<Operation> operations) {

        Settings {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("rate must be between 0 and 1");
            }
            // Enum sets, so that the settings read back in a stable order.
            faults = faults.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(faults));
            operations = operations.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(operations));
        }
    }

    private final Settings settings;
    private final List<EmulatorFault> requestFaults;
    private final List<EmulatorFault> notificationFaults;
    private final Random requests;
    private final Random notifications;

    EmulatorChaos(Settings settings) {
        this.settings = settings;
        // Enum order, so that the draw does not depend on how the set was built.
        this.requestFaults = EnumSet.allOf(EmulatorFault.class).stream()
                .filter(settings.faults()::contains).filter(f -> !f.onNotification()).toList();
        this.notificationFaults = EnumSet.allOf(EmulatorFault.class).stream()
                .filter(settings.faults()::contains).filter(EmulatorFault::onNotification).toList();
        this.requests = new Random(settings.seed());
        this.notifications = new Random(~settings.seed());
    }

    Settings settings() {
        return settings;
    }

    Optional<EmulatorFault> forRequest(Operation operation) {
        return draw(requests, requestFaults, operation);
    }

    Optional<EmulatorFault> forNotification(Operation operation) {
        return draw(notifications, notificationFaults, operation);
    }

    private Optional<EmulatorFault> draw(Random random, List<EmulatorFault> candidates, Operation operation) {
        if (candidates.isEmpty() || !settings.operations().contains(operation)) {
            return Optional.empty();
        }
        synchronized (random) {
            if (random.nextDouble() >= settings.rate()) {
                return Optional.empty();
            }
            return Optional.of(candidates.get(random.nextInt(candidates.size())));
        }
    }
}
