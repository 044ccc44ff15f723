package com.example.gateway.doku;

/** DOKU's answer to a capture. */
record CaptureAnswer(Payment payment) {

    record Payment(String status, String responseCode, String responseMessage, String approvalCode) {
    }

    OperationResult result() {
        if (payment == null || payment.status() == null) {
            return null;
        }
        return new OperationResult("SUCCESS".equalsIgnoreCase(payment.status()), null, payment.approvalCode(),
                payment.responseCode(), payment.responseMessage());
    }
}
