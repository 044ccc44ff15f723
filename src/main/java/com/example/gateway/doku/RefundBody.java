package com.example.gateway.doku;

/** DOKU's refund (or void) request: the payment is named by its invoice and its original Request-Id. */
record RefundBody(Order order, Payment payment, Refund refund) {

    record Order(String invoiceNumber) {
    }

    record Payment(String originalRequestId) {
    }

    record Refund(long amount) {
    }
}
