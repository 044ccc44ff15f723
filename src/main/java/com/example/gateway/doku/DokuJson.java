package com.example.gateway.doku;

import com.example.gateway.payment.NewPayment;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** JSON pieces that DOKU's payment page and charge requests share. */
final class DokuJson {

    private DokuJson() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Customer(String id, String name, String email, String phone, String address, String country) {
    }

    record LineItem(String name, long price, int quantity) {
    }

    /** Card data is serialized straight into the request bytes and nowhere else. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Card(String number, String expiry, String cvv, String token, Boolean save) {
        @Override
        public String toString() {
            return "Card[redacted]";
        }
    }

    static Customer customer(NewPayment.Customer c) {
        return c == null ? null : new Customer(c.id(), c.name(), c.email(), c.phone(), c.address(), c.country());
    }

    static List<LineItem> lineItems(List<NewPayment.LineItem> items) {
        return items == null ? null : items.stream().map(i -> new LineItem(i.name(), i.price(), i.quantity())).toList();
    }
}
