package com.example.gateway.payment.provider;

/**
 * What became of a capture or refund, in the gateway's terms.
 *
 * @param succeeded  whether the money moved; if not, {@code code} and {@code message} say why
 * @param voided     a refund the provider made as a void (before settlement): the payment is voided whole
 * @param refundType the kind of refund as the gateway shows it (VOID, FULL_REFUND, PARTIAL_REFUND, …); null for a capture
 */
public record OperationAnswer(boolean succeeded, boolean voided, String refundType, String approvalCode, String code,
        String message) {
}
