package com.example.gateway.token;

import com.example.gateway.payment.provider.CardToken;

/** A customer's saved card as the API lists it: DOKU's token and masked number, never card data. */
public record SavedCard(String type, String tokenId, String maskedCard, String issuer, String brand) {

    static SavedCard of(CardToken token) {
        return new SavedCard(token.type(), token.tokenId(), token.maskedCard(), token.issuer(), token.brand());
    }
}
