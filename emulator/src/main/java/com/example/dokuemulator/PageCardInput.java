package com.example.dokuemulator;

/**
 * What the customer submitted on the payment page: a card, or the saved card the page offered.
 * Never logged: {@link #toString()} shows the masked number only.
 */
record PageCardInput(String cardNumber, String expiry, String cvv, boolean useSavedCard) {

    static PageCardInput savedCard() {
        return new PageCardInput(null, null, null, true);
    }

    @Override
    public String toString() {
        return useSavedCard ? "PageCardInput[saved card]" : "PageCardInput[" + TestCards.mask(cardNumber) + "]";
    }
}
