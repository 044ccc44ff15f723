package com.example.dokuemulator;

/**
 * The acquirer's verdict on one card payment and what DOKU reports about the card. {@code card} is
 * the test card used, or {@code null} for a number the emulator does not know (which never approves).
 */
record CardResult(boolean approved, String responseCode, String responseMessage, String masked, String brand,
        String issuer, String cardType, String acquirer, TestCard card) {

    static CardResult of(TestCard card) {
        return new CardResult(card.approves(), card.responseCode(), card.responseMessage(), card.masked(),
                card.brand(), card.issuer(), card.type(), card.acquirer(), card);
    }

    /** The same card, declined for another reason (an expired card, say). */
    CardResult declined(String code, String message) {
        return new CardResult(false, code, message, masked, brand, issuer, cardType, acquirer, card);
    }
}
