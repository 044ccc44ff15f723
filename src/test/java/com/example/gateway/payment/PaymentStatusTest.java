package com.example.gateway.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentStatusTest {

    @Test
    void aStatusNeverMovesBackwards() {
        assertFalse(PaymentStatus.SUCCEEDED.canMoveTo(PaymentStatus.PENDING));
        assertFalse(PaymentStatus.SUCCEEDED.canMoveTo(PaymentStatus.FAILED));
        assertFalse(PaymentStatus.SUCCEEDED.canMoveTo(PaymentStatus.AUTHORIZED));
        assertFalse(PaymentStatus.REFUNDED.canMoveTo(PaymentStatus.PARTIALLY_REFUNDED));
        assertFalse(PaymentStatus.EXPIRED.canMoveTo(PaymentStatus.SUCCEEDED));
        assertFalse(PaymentStatus.VOIDED.canMoveTo(PaymentStatus.AUTHORIZED));
    }

    @Test
    void moneyMovesForward() {
        assertTrue(PaymentStatus.PENDING.canMoveTo(PaymentStatus.AUTHORIZED));
        assertTrue(PaymentStatus.AUTHORIZED.canMoveTo(PaymentStatus.SUCCEEDED));
        assertTrue(PaymentStatus.AUTHORIZED.canMoveTo(PaymentStatus.EXPIRED));
        assertTrue(PaymentStatus.AUTHORIZED.canMoveTo(PaymentStatus.VOIDED));
        assertTrue(PaymentStatus.SUCCEEDED.canMoveTo(PaymentStatus.PARTIALLY_REFUNDED));
        assertTrue(PaymentStatus.PARTIALLY_REFUNDED.canMoveTo(PaymentStatus.REFUNDED));
        assertTrue(PaymentStatus.FAILED.canMoveTo(PaymentStatus.SUCCEEDED), "a retry on the page that succeeds");
    }

    @Test
    void unknownSettlesIntoWhatDokuReports() {
        for (PaymentStatus settled : new PaymentStatus[] {PaymentStatus.PENDING, PaymentStatus.AUTHORIZED,
                PaymentStatus.SUCCEEDED, PaymentStatus.FAILED, PaymentStatus.REFUNDED}) {
            assertTrue(PaymentStatus.UNKNOWN.canMoveTo(settled), settled.name());
        }
    }

    @Test
    void moveToIgnoresADisallowedMoveAndKeepsTheTime() {
        Payment payment = new Payment();
        payment.status = PaymentStatus.SUCCEEDED;
        payment.updatedAt = Instant.EPOCH;

        assertFalse(payment.moveTo(PaymentStatus.PENDING, Instant.now()));
        assertEquals(PaymentStatus.SUCCEEDED, payment.status);
        assertEquals(Instant.EPOCH, payment.updatedAt);

        assertTrue(payment.moveTo(PaymentStatus.PARTIALLY_REFUNDED, Instant.now()));
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.status);
    }

    @Test
    void statusFromAmountsDescribesCapturesAndRefunds() {
        Payment payment = new Payment();
        payment.status = PaymentStatus.UNKNOWN;
        payment.authorizedAmount = 100;
        assertEquals(PaymentStatus.AUTHORIZED, payment.statusFromAmounts());
        payment.capturedAmount = 60;
        assertEquals(PaymentStatus.SUCCEEDED, payment.statusFromAmounts());
        payment.refundedAmount = 10;
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.statusFromAmounts());
        payment.refundedAmount = 60;
        assertEquals(PaymentStatus.REFUNDED, payment.statusFromAmounts());
        assertEquals(0, payment.refundable(0));
    }
}
