package com.example.gateway.doku;

/** A token DOKU keeps for a customer: masked number only. */
public record CardToken(String type, String tokenId, String maskedCard, String issuer, String brand) {
}
