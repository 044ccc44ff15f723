package com.example.dokuemulator;

import java.util.List;

/**
 * The end of a payment on the emulator's payment page.
 *
 * @param transaction   the transaction after the payment
 * @param redirectUrl   where the customer's browser was sent (callback_url on success, failed_url or
 *                      else callback_url on failure), {@code null} when the request gave none
 * @param notifications the notification deliveries made before redirecting (two for
 *                      DUPLICATE_NOTIFICATION, one held entry for HOLD_NOTIFICATION)
 */
public record PagePaymentResult(TransactionSnapshot transaction, String redirectUrl, List<SentNotification> notifications) {

    public boolean approved() {
        return EmulatedTransaction.SUCCESS.equals(transaction.status());
    }

    /** The gateway's answer to the (first) notification, 0 if it did not answer or it was held. */
    public int notificationStatus() {
        return notifications.isEmpty() ? 0 : notifications.get(0).gatewayStatus();
    }
}
