package com.example.dokuemulator;


/**
 * What a transaction was created with and never changes: from a payment page request or a charge.
 *
 * @param origin                  PAYMENT_PAGE or CHARGE
 * @param autoCapture             an AUTHORIZE captured in full as soon as it is approved
 * @param presetTokenId           a saved card the page offers ({@code card.token}), or {@code null}
 * @param saveCard                {@code card.save}: keep a token for the customer once paid
 * @param overrideNotificationUrl {@code additional_info.override_notification_url}, or {@code null}
 */
record TransactionTerms(
        Operation origin,
        String invoiceNumber,
        long amount,
        String paymentType,
        boolean autoCapture,
        String originalRequestId,
        String customerId,
        String customerName,
        String callbackUrl,
        String failedUrl,
        String presetTokenId,
        boolean saveCard,
        String overrideNotificationUrl) {
}
