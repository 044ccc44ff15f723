package com.example.dokuemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmulatorChaosTest {

    private static final Set<EmulatorFault> SOME_FAULTS = EnumSet.of(EmulatorFault.HTTP_500, EmulatorFault.HTTP_503,
            EmulatorFault.ANSWER_LOST, EmulatorFault.DUPLICATE_NOTIFICATION, EmulatorFault.HOLD_NOTIFICATION);
    private static final Set<Operation> MONEY = EnumSet.of(Operation.CHARGE, Operation.REFUND);

    @Test
    void theSameSeedDrawsTheSameFaults() {
        List<Optional<EmulatorFault>> first = draws(new EmulatorChaos(settings(42, 0.5)));
        List<Optional<EmulatorFault>> again = draws(new EmulatorChaos(settings(42, 0.5)));
        List<Optional<EmulatorFault>> other = draws(new EmulatorChaos(settings(43, 0.5)));

        assertEquals(first, again);
        assertNotEquals(first, other);
        assertTrue(first.contains(Optional.empty()), "at rate 0.5 some requests go through untouched");
        assertTrue(first.stream().flatMap(Optional::stream).distinct().count() > 1, "several faults are drawn");
    }

    @Test
    void requestsGetRequestFaultsAndNotificationsGetNotificationFaultsOnlyForTheChosenOperations() {
        EmulatorChaos chaos = new EmulatorChaos(settings(7, 1.0));
        for (int i = 0; i < 50; i++) {
            assertTrue(!chaos.forRequest(Operation.CHARGE).orElseThrow().onNotification());
            assertTrue(chaos.forNotification(Operation.REFUND).orElseThrow().onNotification());
            assertEquals(Optional.empty(), chaos.forRequest(Operation.CAPTURE));
            assertEquals(Optional.empty(), chaos.forNotification(Operation.PAYMENT_PAGE));
        }
    }

    @Test
    void notificationDrawsDoNotShiftTheRequestSequence() {
        EmulatorChaos quiet = new EmulatorChaos(settings(42, 0.5));
        EmulatorChaos busy = new EmulatorChaos(settings(42, 0.5));
        List<Optional<EmulatorFault>> withoutNotifications = new ArrayList<>();
        List<Optional<EmulatorFault>> withNotifications = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            withoutNotifications.add(quiet.forRequest(Operation.CHARGE));
            busy.forNotification(Operation.CHARGE);
            withNotifications.add(busy.forRequest(Operation.CHARGE));
        }
        assertEquals(withoutNotifications, withNotifications);
    }

    @Test
    void scriptedFaultsComeFirstAndRateZeroOrResetStopsTheChaos() {
        EmulatorFaults faults = new EmulatorFaults();
        faults.chaos(new EmulatorChaos.Settings(1, 1.0, EnumSet.of(EmulatorFault.HTTP_429), MONEY));
        faults.script(Operation.CHARGE, EmulatorFault.DELAY);
        assertEquals(Optional.of(EmulatorFault.DELAY), faults.nextForRequest(Operation.CHARGE));
        assertEquals(Optional.of(EmulatorFault.HTTP_429), faults.nextForRequest(Operation.CHARGE));

        faults.chaos(new EmulatorChaos.Settings(1, 0, EnumSet.of(EmulatorFault.HTTP_429), MONEY));
        assertEquals(Optional.empty(), faults.chaos());
        assertEquals(Optional.empty(), faults.nextForRequest(Operation.CHARGE));

        faults.chaos(new EmulatorChaos.Settings(1, 1.0, EnumSet.of(EmulatorFault.HTTP_429), MONEY));
        faults.clear();
        assertEquals(Optional.empty(), faults.nextForRequest(Operation.CHARGE));
    }

    @Test
    void aRateOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings(1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> settings(1, -0.1));
    }

    private static EmulatorChaos.Settings settings(long seed, double rate) {
        return new EmulatorChaos.Settings(seed, rate, SOME_FAULTS, MONEY);
    }

    private static List<Optional<EmulatorFault>> draws(EmulatorChaos chaos) {
        List<Optional<EmulatorFault>> draws = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            draws.add(chaos.forRequest(i % 2 == 0 ? Operation.CHARGE : Operation.REFUND));
        }
        return draws;
    }
}
