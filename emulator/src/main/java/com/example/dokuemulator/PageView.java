package com.example.dokuemulator;

import java.text.NumberFormat;
import java.util.Locale;

/** What the payment page shows of a transaction; the amount formatted as Indonesians write it (90.000). */
record PageView(String merchant, String invoiceNumber, String amount, String paymentType, String status,
        String responseCode, String responseMessage, String maskedCard) {

    static PageView of(String merchant, TransactionSnapshot t) {
        return new PageView(merchant, t.invoiceNumber(),
                NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(t.amount()),
                t.paymentType(), t.status(), t.responseCode(), t.responseMessage(), t.maskedCard());
    }
}
