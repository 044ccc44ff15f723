package com.example.gateway.payment.provider;

/**
 * What check 3-D Secure found: whether the card's issuer challenges the customer (then at
 * {@code authenticationUrl}), and DOKU's authentication id for the charge that follows.
 */
public record ThreeDSecureEnrollment(boolean enrolled, String authenticationId, String authenticationUrl) {
}
