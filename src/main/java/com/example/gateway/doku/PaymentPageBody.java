package com.example.gateway.doku;

import com.example.gateway.payment.provider.RequestParts;
import com.example.gateway.payment.provider.PaymentPageRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** DOKU's payment page request (cards-payment-page-guide.txt), field names by the snake_case strategy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentPageBody(
        Order order,
        RequestParts.Customer customer,
        RequestParts.Card card,
        Payment payment,
        OverrideConfiguration overrideConfiguration,
        AdditionalInfo additionalInfo) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Order(long amount, String invoiceNumber, String callbackUrl, String failedUrl, boolean autoRedirect,
            List<RequestParts.LineItem> lineItems, String descriptor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payment(String type, Boolean autoCapture, String acquirer, Integer tenor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OverrideConfiguration(PaymentPageRequest.Theme themes, List<PaymentPageRequest.Promo> promo,
            List<String> allowBin, List<Integer> allowTenor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdditionalInfo(String overrideNotificationUrl, PaymentPageRequest.Disclaimer disclaimer) {
    }

    static PaymentPageBody from(PaymentPageRequest r) {
        return new PaymentPageBody(
                new Order(r.order().amount(), r.order().invoiceNumber(), r.callbackUrl(), r.failedUrl(), r.autoRedirect(),
                        r.order().lineItems(), r.descriptor()),
                r.customer(),
                r.card(),
                new Payment(r.paymentType(), r.autoCapture(), r.acquirer(), r.tenor()),
                r.overrides().none() ? null : new OverrideConfiguration(r.overrides().theme(), r.overrides().promos(),
                        r.overrides().allowBins(), r.overrides().allowTenors()),
                r.overrideNotificationUrl() == null && r.disclaimer() == null ? null
                        : new AdditionalInfo(r.overrideNotificationUrl(), r.disclaimer()));
    }
}
