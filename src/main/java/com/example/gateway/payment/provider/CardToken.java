package com.example.gateway.payment.provider;

/** A token the provider keeps for a customer: masked number only. */
public record CardToken(String type, String tokenId, String maskedCard, String issuer, String brand) {
}
