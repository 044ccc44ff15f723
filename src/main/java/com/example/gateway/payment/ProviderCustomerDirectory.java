package com.example.gateway.payment;

import io.smallrye.mutiny.Uni;

/**
 * The customer id the provider knows a client's customer by, never the client's own: DOKU keeps one namespace
 * for the whole merchant account, and a client must not reach another's customer (or its saved cards)
 * by naming the same id. Kept by the token package, which owns saved cards; payments only ask.
 */
public interface ProviderCustomerDirectory {

    /** The provider's id of {@code client}'s customer, recorded on first use and the same ever after. */
    Uni<String> idOf(String client, String customerId);

    /**
     * The provider's id of {@code client}'s customer if the provider handed {@code tokenId} out to that customer;
     * otherwise fails with "token not found", having recorded nothing.
     */
    Uni<String> idOfHolder(String client, String customerId, String tokenId);

    /**
     * The provider's id a request goes out under: with a saved card, its holder's (another's token fails
     * here, before anything is stored or sent); else the customer's; null without a customer id.
     */
    default Uni<String> idFor(String client, NewPayment.Customer customer, NewPayment.Card card) {
        String customerId = customer == null ? null : customer.id();
        String token = card == null ? null : card.token();
        if (token != null) {
            return idOfHolder(client, customerId, token);
        }
        return customerId == null ? Uni.createFrom().nullItem() : idOf(client, customerId);
    }
}
