package com.example.dokuemulator;

import java.text.NumberFormat;
import java.util.Locale;

/** What the payment page shows of a transaction; the amount formatted as Indonesians write it (90.000). */
record PageView(String merchant, String invoiceNumber, String amount, String paymentType, String status,
        String responseCode, String responseMessage, String maskedCard) {

    static PageView of(String merchant, TransactionSnapshot t) {
        return new PageView(merchant, t.invoiceNumber(), rupiah(t.amount()),
                t.paymentType(), t.status(), t.responseCode(), t.responseMessage(), t.maskedCard());
    }

    /** The issuer's 3-D Secure page, before any payment exists. */
    static PageView of(String merchant, ThreeDSecureAuthentication a) {
        return new PageView(merchant, a.invoiceNumber(), rupiah(a.amount()), "3-D Secure", a.status().name(),
                null, null, a.maskedCard());
    }

    private static String rupiah(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(amount);
    }
}
