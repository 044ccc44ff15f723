package com.example.gateway.doku;

import com.example.gateway.payment.provider.RequestParts;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The parts DOKU's payment page, charge and check 3-D Secure bodies share, in DOKU's field names, each
 * mapped field by field from the port's {@link RequestParts}: renaming a port field cannot change a body.
 */
final class BodyParts {

    private BodyParts() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Customer(String id, String name, String email, String phone, String address, String country) {

        static Customer of(RequestParts.Customer c) {
            return c == null ? null : new Customer(c.id(), c.name(), c.email(), c.phone(), c.address(), c.country());
        }
    }

    record LineItem(String name, long price, int quantity) {

        static List<LineItem> of(List<RequestParts.LineItem> items) {
            return items == null ? null : items.stream().map(i -> new LineItem(i.name(), i.price(), i.quantity())).toList();
        }
    }

    /** Card data or a saved card's token; {@code save} asks DOKU to tokenize the card. Never printed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Card(String number, String expiry, String cvv, String token,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean save) {

        static Card of(RequestParts.Card c) {
            return c == null ? null : new Card(c.number(), c.expiry(), c.cvv(), c.token(), c.save());
        }

        @Override
        public String toString() {
            return "Card[redacted]";
        }
    }
}
