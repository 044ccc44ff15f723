package com.example.gateway.doku;

/** DOKU's answer to a charge, read into a {@link TransactionReport} like any other news of a payment. */
record ChargeAnswer(Order order, Payment payment, Card card) {

    record Order(String invoiceNumber, Long amount) {
    }

    record Payment(String type, String requestId, String authorizeId, String responseCode, String responseMessage,
            String status, String approvalCode) {
    }

    record Card(String masked, String type, String issuer, String brand, String token) {
    }

    TransactionReport report() {
        if (payment == null || payment.status() == null) {
            return null;
        }
        Card c = card == null ? new Card(null, null, null, null, null) : card;
        return new TransactionReport(
                order == null ? null : order.invoiceNumber(),
                order == null ? null : order.amount(),
                payment.type(), payment.status(), null, payment.requestId(),
                c.masked(), c.brand(), c.issuer(), c.type(),
                payment.approvalCode(), payment.responseCode(), payment.responseMessage(),
                blankToNull(payment.authorizeId()), c.token(), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
