package com.example.gateway.doku;

import com.example.gateway.payment.provider.PaymentPageRequest;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** DOKU's payment page request (cards-payment-page-guide.txt), field names by the snake_case strategy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentPageBody(
        Order order,
        BodyParts.Customer customer,
        BodyParts.Card card,
        Payment payment,
        OverrideConfiguration overrideConfiguration,
        AdditionalInfo additionalInfo) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Order(long amount, String invoiceNumber, String callbackUrl, String failedUrl, boolean autoRedirect,
            List<BodyParts.LineItem> lineItems, String descriptor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payment(String type, Boolean autoCapture, String acquirer, Integer tenor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OverrideConfiguration(Themes themes, List<Promo> promo, List<String> allowBin, List<Integer> allowTenor) {

        static OverrideConfiguration of(PaymentPageRequest.Overrides o) {
            return o.none() ? null
                    : new OverrideConfiguration(Themes.of(o.theme()), Promo.of(o.promos()), o.allowBins(), o.allowTenors());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Themes(String language, String backgroundColor, String fontColor, String buttonBackgroundColor,
            String buttonFontColor) {

        static Themes of(PaymentPageRequest.Theme t) {
            return t == null ? null : new Themes(t.language(), t.backgroundColor(), t.fontColor(),
                    t.buttonBackgroundColor(), t.buttonFontColor());
        }
    }

    record Promo(String bin, long discountAmount) {

        static List<Promo> of(List<PaymentPageRequest.Promo> promos) {
            return promos == null ? null : promos.stream().map(p -> new Promo(p.bin(), p.discountAmount())).toList();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdditionalInfo(String overrideNotificationUrl, Disclaimer disclaimer) {

        static AdditionalInfo of(String overrideNotificationUrl, PaymentPageRequest.Disclaimer d) {
            return overrideNotificationUrl == null && d == null ? null
                    : new AdditionalInfo(overrideNotificationUrl, d == null ? null : new Disclaimer(d.id(), d.en()));
        }
    }

    record Disclaimer(String id, String en) {
    }

    static PaymentPageBody from(PaymentPageRequest r) {
        return new PaymentPageBody(
                new Order(r.order().amount(), r.order().invoiceNumber(), r.callbackUrl(), r.failedUrl(), r.autoRedirect(),
                        BodyParts.LineItem.of(r.order().lineItems()), r.descriptor()),
                BodyParts.Customer.of(r.customer()),
                BodyParts.Card.of(r.card()),
                new Payment(r.paymentType(), r.autoCapture(), r.acquirer(), r.tenor()),
                OverrideConfiguration.of(r.overrides()),
                AdditionalInfo.of(r.overrideNotificationUrl(), r.disclaimer()));
    }
}
