package com.example.gateway.payment;

import io.smallrye.mutiny.Uni;

/**
 * The customer id DOKU knows a client's customer by, never the client's own: DOKU keeps one namespace
 * for the whole merchant account, and a client must not reach another's customer (or its saved cards)
 * by naming the same id. Kept by the token package, which owns saved cards; payments only ask.
 */
public interface DokuCustomerDirectory {

    /** The DOKU id of {@code client}'s customer, recorded on first use and the same ever after. */
    Uni<String> idOf(String client, String customerId);

    /**
     * The DOKU id of {@code client}'s customer if DOKU handed {@code tokenId} out to that customer;
     * otherwise fails with "token not found", having recorded nothing.
     */
    Uni<String> idOfHolder(String client, String customerId, String tokenId);
}
