package com.example.gateway.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.doku.DokuOperation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmulatorFaultsTest {

    private final EmulatorFaults faults = new EmulatorFaults();

    @Test
    void consumesOneFaultPerRequestInOrderPerOperation() {
        faults.script(DokuOperation.CHARGE, EmulatorFault.HTTP_503, EmulatorFault.ANSWER_LOST);
        assertTrue(faults.nextForRequest(DokuOperation.CAPTURE).isEmpty());
        assertEquals(Optional.of(EmulatorFault.HTTP_503), faults.nextForRequest(DokuOperation.CHARGE));
        assertEquals(Optional.of(EmulatorFault.ANSWER_LOST), faults.nextForRequest(DokuOperation.CHARGE));
        assertTrue(faults.nextForRequest(DokuOperation.CHARGE).isEmpty());
    }

    @Test
    void keepsNotificationFaultsForNotifications() {
        faults.script(DokuOperation.PAYMENT_PAGE, EmulatorFault.DUPLICATE_NOTIFICATION, EmulatorFault.DELAY);
        assertEquals(List.of(EmulatorFault.DELAY, EmulatorFault.DUPLICATE_NOTIFICATION), faults.pending(DokuOperation.PAYMENT_PAGE));
        assertEquals(Optional.of(EmulatorFault.DELAY), faults.nextForRequest(DokuOperation.PAYMENT_PAGE));
        assertTrue(faults.nextForRequest(DokuOperation.PAYMENT_PAGE).isEmpty());
        assertEquals(Optional.of(EmulatorFault.DUPLICATE_NOTIFICATION), faults.nextForNotification(DokuOperation.PAYMENT_PAGE));
        faults.script(DokuOperation.REFUND, EmulatorFault.HOLD_NOTIFICATION);
        faults.clear();
        assertTrue(faults.pending(DokuOperation.REFUND).isEmpty());
    }
}
