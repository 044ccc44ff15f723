package com.example.dokuemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmulatorFaultsTest {

    private final EmulatorFaults faults = new EmulatorFaults();

    @Test
    void consumesOneFaultPerRequestInOrderPerOperation() {
        faults.script(Operation.CHARGE, EmulatorFault.HTTP_503, EmulatorFault.ANSWER_LOST);
        assertTrue(faults.nextForRequest(Operation.CAPTURE).isEmpty());
        assertEquals(Optional.of(EmulatorFault.HTTP_503), faults.nextForRequest(Operation.CHARGE));
        assertEquals(Optional.of(EmulatorFault.ANSWER_LOST), faults.nextForRequest(Operation.CHARGE));
        assertTrue(faults.nextForRequest(Operation.CHARGE).isEmpty());
    }

    @Test
    void keepsNotificationFaultsForNotifications() {
        faults.script(Operation.PAYMENT_PAGE, EmulatorFault.DUPLICATE_NOTIFICATION, EmulatorFault.DELAY);
        assertEquals(List.of(EmulatorFault.DELAY, EmulatorFault.DUPLICATE_NOTIFICATION), faults.pending(Operation.PAYMENT_PAGE));
        assertEquals(Optional.of(EmulatorFault.DELAY), faults.nextForRequest(Operation.PAYMENT_PAGE));
        assertTrue(faults.nextForRequest(Operation.PAYMENT_PAGE).isEmpty());
        assertEquals(Optional.of(EmulatorFault.DUPLICATE_NOTIFICATION), faults.nextForNotification(Operation.PAYMENT_PAGE));
        faults.script(Operation.REFUND, EmulatorFault.HOLD_NOTIFICATION);
        faults.clear();
        assertTrue(faults.pending(Operation.REFUND).isEmpty());
    }
}
