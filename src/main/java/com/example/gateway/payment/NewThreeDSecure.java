package com.example.gateway.payment;

/**
 * A validated request to authenticate a card (number and expiry, or a customer's saved-card token) for
 * an amount. The card lives only in memory: {@link NewPayment.Card#toString()} never prints it.
 */
public record NewThreeDSecure(String invoiceNumber, long amount, NewPayment.Customer customer, NewPayment.Card card,
        String returnUrl, String failedUrl) {
}
