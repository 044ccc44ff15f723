package com.example.gateway.doku;

import com.example.gateway.payment.provider.CardToken;

/** One element of DOKU's token list answer: a credit card or a debit card token. */
record TokenListEntry(TokenData tokenData, Card creditCard, Card debitCard) {

    record TokenData(String type) {
    }

    record Card(String issuer, String tokenId, String maskedCard, String brand) {
    }

    CardToken cardToken() {
        Card card = creditCard != null ? creditCard : debitCard;
        if (card == null || card.tokenId() == null) {
            return null;
        }
        String type = tokenData != null && tokenData.type() != null ? tokenData.type()
                : creditCard != null ? "CREDIT_CARD" : "DIRECT_DEBIT";
        return new CardToken(type, card.tokenId(), card.maskedCard(), card.issuer(), card.brand());
    }
}
