package com.example.gateway.payment;

import java.util.List;
import java.util.Map;

/**
 * A validated request to create a payment. Card data, when present, lives only in {@link Card} and
 * only in memory: {@link Card#toString()} never prints it.
 */
public record NewPayment(
        String invoiceNumber,
        long amount,
        PaymentFlow flow,
        PaymentType paymentType,
        Boolean autoCapture,
        String acquirer,
        Integer tenor,
        List<LineItem> lineItems,
        Customer customer,
        String callbackUrl,
        String failedUrl,
        boolean autoRedirect,
        String descriptor,
        Card card,
        String threeDSecureAuthenticationId,
        Theme theme,
        List<Promo> promos,
        List<String> allowBins,
        List<Integer> allowTenors,
        Disclaimer disclaimer,
        String overrideNotificationUrl,
        /** The caller's own pairs, sorted by key; empty when none. Stored and returned as they are. */
        Map<String, String> metadata) {

    public String customerId() {
        return customer == null ? null : customer.id();
    }

    public record LineItem(String name, long price, int quantity) {
    }

    public record Customer(String id, String name, String email, String phone, String address, String country) {
    }

    /** Card data for a charge, or a saved token; {@code save} asks DOKU to tokenize the card. */
    public record Card(String number, String expiry, String cvv, String token, boolean save) {
        @Override
        public String toString() {
            return "Card[number=" + (number == null ? "none" : "redacted") + ", token=" + token + ", save=" + save + "]";
        }
    }

    public record Theme(String language, String backgroundColor, String fontColor, String buttonBackgroundColor,
            String buttonFontColor) {
    }

    public record Promo(String bin, long discountAmount) {
    }

    public record Disclaimer(String id, String en) {
    }
}
