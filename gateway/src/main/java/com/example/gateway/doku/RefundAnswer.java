package com.example.gateway.doku;

/** DOKU's answer to a refund: its type tells a void from a refund. */
record RefundAnswer(Refund refund) {

    record Refund(Long amount, String type, String status, String message, String approvalCode) {
    }

    OperationResult result() {
        if (refund == null || refund.status() == null) {
            return null;
        }
        return new OperationResult("SUCCESS".equalsIgnoreCase(refund.status()), refund.type(), refund.approvalCode(),
                refund.status(), refund.message());
    }
}
