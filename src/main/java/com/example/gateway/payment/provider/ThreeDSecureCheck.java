package com.example.gateway.payment.provider;

import com.example.gateway.payment.provider.RequestParts.Card;

/**
 * A check 3-D Secure request in the gateway's terms: the card (number and expiry, or a saved card's
 * token with its customer), the amount and invoice, and where the issuer sends the customer's browser
 * after the challenge. Holds card data: {@link Card#toString()} never prints it.
 */
public record ThreeDSecureCheck(String invoiceNumber, long amount, String customerId, Card card,
        String callbackUrlSuccess, String callbackUrlFailed) {
}
