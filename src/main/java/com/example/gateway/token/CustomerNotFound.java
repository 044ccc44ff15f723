package com.example.gateway.token;

import com.example.gateway.support.DomainException;

/** No payment of this client names this customer: its saved cards are not this client's to see. */
public final class CustomerNotFound extends DomainException {

    public CustomerNotFound() {
        super("Customer not found", "No payment of this client names this customer");
    }
}
