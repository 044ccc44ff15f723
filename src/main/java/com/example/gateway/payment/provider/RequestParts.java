package com.example.gateway.payment.provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Parts that DOKU's payment page and charge requests share; serialized as they are into both. */
public final class RequestParts {

    private RequestParts() {
    }

    /** What is bought: DOKU's {@code order} carries these, and more for a payment page. */
    public record Order(String invoiceNumber, long amount, List<LineItem> lineItems) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(String id, String name, String email, String phone, String address, String country) {
    }

    public record LineItem(String name, long price, int quantity) {
    }

    /**
     * Card data for a charge, or a saved card's token; {@code save} asks DOKU to tokenize the card.
     * Serialized straight into the request bytes and nowhere else.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(String number, String expiry, String cvv, String token,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean save) {
        @Override
        public String toString() {
            return "Card[redacted]";
        }
    }
}
