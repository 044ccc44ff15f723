package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;

/** The order and customer part that payment page and charge requests share, checked as DOKU does. */
record OrderFields(String invoiceNumber, long amount, String customerId, String customerName) {

    private static final int MAX_INVOICE_LENGTH = 64;

    static OrderFields read(JsonNode body) {
        long amount = RequestFields.requiredAmount(body, "order.amount");
        String invoiceNumber = RequestFields.requiredText(body, "order.invoice_number", MAX_INVOICE_LENGTH);
        checkLineItems(body, amount);
        String customerId = RequestFields.text(body, "customer.id");
        if (customerId != null && customerId.length() > 50) {
            throw EmulatorRejection.invalidParameter("customer.id is longer than 50 characters");
        }
        return new OrderFields(invoiceNumber, amount, customerId, RequestFields.text(body, "customer.name"));
    }

    /** Line items are optional, but when given, price × quantity must add up to the amount. */
    private static void checkLineItems(JsonNode body, long amount) {
        JsonNode items = RequestFields.at(body, "order.line_items");
        if (items == null) {
            return;
        }
        if (!items.isArray()) {
            throw EmulatorRejection.invalidParameter("order.line_items must be an array");
        }
        long total = 0;
        for (int i = 0; i < items.size(); i++) {
            String path = "order.line_items[" + i + "]";
            total += RequestFields.wholeNumber(items.get(i).get("price"), path + ".price")
                    * RequestFields.wholeNumber(items.get(i).get("quantity"), path + ".quantity");
        }
        if (total != amount) {
            throw EmulatorRejection.invalidParameter("order.line_items add up to " + total + ", not order.amount " + amount);
        }
    }

    /** {@code card.save}: a card can only be saved for a customer. */
    boolean saveCardRequested(JsonNode body) {
        boolean save = RequestFields.flag(body, "card.save");
        if (save) {
            requireCustomerId("to save the card (card.save)");
        }
        return save;
    }

    /** Saving a card or paying with a token needs the customer the token belongs to. */
    String requireCustomerId(String because) {
        if (customerId == null) {
            throw EmulatorRejection.invalidParameter("customer.id is mandatory " + because);
        }
        return customerId;
    }
}
