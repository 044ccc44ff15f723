package com.example.gateway.payment;

public enum PaymentFlow {
    PAYMENT_PAGE,
    CHARGE
}
