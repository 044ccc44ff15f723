package com.example.gateway.doku;

import com.example.gateway.payment.NewPayment;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** DOKU's payment page request (cards-payment-page-guide.txt), field names by the snake_case strategy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentPageBody(
        Order order,
        DokuJson.Customer customer,
        DokuJson.Card card,
        Payment payment,
        OverrideConfiguration overrideConfiguration,
        AdditionalInfo additionalInfo) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Order(long amount, String invoiceNumber, String callbackUrl, String failedUrl, boolean autoRedirect,
            List<DokuJson.LineItem> lineItems, String descriptor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payment(String type, Boolean autoCapture, String acquirer, Integer tenor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OverrideConfiguration(Themes themes, List<Promo> promo, List<String> allowBin, List<Integer> allowTenor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Themes(String language, String backgroundColor, String fontColor, String buttonBackgroundColor,
            String buttonFontColor) {
    }

    record Promo(String bin, long discountAmount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdditionalInfo(String overrideNotificationUrl, Disclaimer disclaimer) {
    }

    record Disclaimer(String id, String en) {
    }

    static PaymentPageBody from(NewPayment p) {
        return new PaymentPageBody(
                new Order(p.amount(), p.invoiceNumber(), p.callbackUrl(), p.failedUrl(), p.autoRedirect(),
                        DokuJson.lineItems(p.lineItems()), p.descriptor()),
                DokuJson.customer(p.customer()),
                p.card() == null ? null : new DokuJson.Card(null, null, null, p.card().token(), p.card().save() ? true : null),
                new Payment(p.paymentType().name(), p.autoCapture(), p.acquirer(), p.tenor()),
                overrideConfiguration(p),
                p.overrideNotificationUrl() == null && p.disclaimer() == null ? null
                        : new AdditionalInfo(p.overrideNotificationUrl(),
                                p.disclaimer() == null ? null : new Disclaimer(p.disclaimer().id(), p.disclaimer().en())));
    }

    private static OverrideConfiguration overrideConfiguration(NewPayment p) {
        if (p.theme() == null && p.promos() == null && p.allowBins() == null && p.allowTenors() == null) {
            return null;
        }
        NewPayment.Theme t = p.theme();
        return new OverrideConfiguration(
                t == null ? null : new Themes(t.language(), t.backgroundColor(), t.fontColor(),
                        t.buttonBackgroundColor(), t.buttonFontColor()),
                p.promos() == null ? null : p.promos().stream().map(x -> new Promo(x.bin(), x.discountAmount())).toList(),
                p.allowBins(),
                p.allowTenors());
    }
}
