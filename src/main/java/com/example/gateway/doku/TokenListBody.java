package com.example.gateway.doku;

import com.fasterxml.jackson.annotation.JsonInclude;

/** DOKU's token list request; no type lists every kind. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenListBody(Customer customer, TokenData tokenData) {

    record Customer(String id) {
    }

    record TokenData(String type) {
    }
}
