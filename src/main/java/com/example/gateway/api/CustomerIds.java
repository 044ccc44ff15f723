package com.example.gateway.api;

import com.example.gateway.support.CleanText;

/** API.md's customer id (≤ 50 characters), wherever one arrives: body, query or path. */
final class CustomerIds {

    static final int MAX_LENGTH = 50;
    static final String RULE = "must be 1 to " + MAX_LENGTH + " characters without control characters";

    private CustomerIds() {
    }

    static boolean isValid(String id) {
        return CleanText.isClean(id, 1, MAX_LENGTH);
    }
}
