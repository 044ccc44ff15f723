package com.example.gateway.emulator;

import java.util.List;

/** A payment page paid through {@code POST /control/pay/{invoice}}, with the notifications it sent. */
public record PagePaymentResult(TransactionSnapshot transaction, String redirectUrl, List<SentNotification> notifications) {
}
