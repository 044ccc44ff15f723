package com.example.gateway.doku;

import com.example.gateway.payment.provider.OperationAnswer;

/** DOKU's answer to a capture. */
record CaptureAnswer(Payment payment) {

    record Payment(String status, String responseCode, String responseMessage, String approvalCode) {
    }

    OperationAnswer result() {
        if (payment == null || payment.status() == null) {
            return null;
        }
        return new OperationAnswer(DokuStatuses.answeredSuccess(payment.status()), false, null, payment.approvalCode(),
                payment.responseCode(), payment.responseMessage());
    }
}
