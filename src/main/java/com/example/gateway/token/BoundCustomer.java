package com.example.gateway.token;

import java.util.Set;

/** A client's customer as DOKU knows them, with the tokens DOKU handed out to them through this client. */
record BoundCustomer(String dokuCustomerId, Set<String> tokenIds) {

    boolean holds(String tokenId) {
        return tokenIds.contains(tokenId);
    }
}
