package com.example.gateway.doku;

/** The part of DOKU's payment page answer the gateway uses. */
record PaymentPageAnswer(Page creditCardPaymentPage) {

    record Page(String url) {
    }

    String url() {
        return creditCardPaymentPage == null ? null : creditCardPaymentPage.url();
    }
}
