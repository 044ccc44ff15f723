package com.example.dokuemulator;

/** The DOKU card API operations the emulator serves; faults are scripted and requests recorded per operation. */
public enum Operation {
    PAYMENT_PAGE,
    CHECK_THREE_D_SECURE,
    CHARGE,
    CAPTURE,
    REFUND,
    CHECK_STATUS,
    LIST_TOKENS,
    DELETE_TOKEN
}
