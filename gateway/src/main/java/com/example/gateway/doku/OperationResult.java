package com.example.gateway.doku;

/**
 * DOKU's answer to a capture or a refund, in the gateway's terms.
 *
 * @param refundType VOID, FULL_REFUND, PARTIAL_REFUND, MANUAL_*; null for a capture
 */
public record OperationResult(boolean succeeded, String refundType, String approvalCode, String code, String message) {
}
