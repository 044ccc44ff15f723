package com.example.gateway.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PaymentStatusTest {

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
