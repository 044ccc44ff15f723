package com.example.gateway.api;

/** A validated refund body: the amount in whole rupiah and an optional reason. */
public record RefundRequest(long amount, String reason) {
}
