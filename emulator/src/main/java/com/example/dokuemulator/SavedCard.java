package com.example.dokuemulator;

/** A card saved for a customer, as DOKU's token list describes it. */
public record SavedCard(String tokenId, String customerId, String customerName, TestCard card) {

    public String maskedCard() {
        return card.masked();
    }

    public String brand() {
        return card.brand();
    }

    public String issuer() {
        return card.issuer();
    }
}
