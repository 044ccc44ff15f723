package com.example.gateway.payment;

public enum PaymentType {
    SALE,
    AUTHORIZE,
    INSTALLMENT,
    MOTO,
    RECURRING
}
