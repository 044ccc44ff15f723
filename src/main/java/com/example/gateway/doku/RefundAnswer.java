package com.example.gateway.doku;

import com.example.gateway.payment.provider.OperationAnswer;

/** DOKU's answer to a refund: its type tells a void from a refund. */
record RefundAnswer(Refund refund) {

    record Refund(Long amount, String type, String status, String message, String approvalCode) {
    }

    OperationAnswer result() {
        if (refund == null || refund.status() == null) {
            return null;
        }
        boolean succeeded = DokuStatuses.answeredSuccess(refund.status());
        return new OperationAnswer(succeeded, succeeded && DokuStatuses.isVoid(refund.type()), refund.type(),
                refund.approvalCode(), refund.status(), refund.message());
    }
}
