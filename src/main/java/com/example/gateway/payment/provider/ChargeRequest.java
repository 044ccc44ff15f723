package com.example.gateway.payment.provider;

import com.example.gateway.payment.provider.RequestParts.Card;
import com.example.gateway.payment.provider.RequestParts.Customer;
import com.example.gateway.payment.provider.RequestParts.Order;

/**
 * A card (or a saved card's token) to charge after 3-D Secure, in the gateway's terms; the provider's
 * adapter maps it into its own body. Holds card data: {@link Card#toString()} never prints it.
 */
public record ChargeRequest(
        Order order,
        Customer customer,
        Card card,
        String paymentType,
        String threeDSecureAuthenticationId) {
}
