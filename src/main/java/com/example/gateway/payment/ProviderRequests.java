package com.example.gateway.payment;

import com.example.gateway.payment.provider.ChargeRequest;
import com.example.gateway.payment.provider.PaymentPageRequest;
import com.example.gateway.payment.provider.RequestParts;
import com.example.gateway.payment.provider.ThreeDSecureCheck;
import java.util.List;

/**
 * A new payment as the provider takes it: a payment page request or a charge request. The customer
 * goes out under the id the provider knows them by ({@link ProviderCustomerDirectory}), never the client's own.
 */
final class ProviderRequests {

    private ProviderRequests() {
    }

    static PaymentPageRequest page(NewPayment p, String providerCustomerId) {
        NewPayment.Card card = p.card();
        return new PaymentPageRequest(order(p), customer(p.customer(), providerCustomerId),
                card == null ? null : new RequestParts.Card(null, null, null, card.token(), card.save()),
                p.paymentType().name(), p.autoCapture(), p.acquirer(), p.tenor(),
                p.callbackUrl(), p.failedUrl(), p.autoRedirect(), p.descriptor(),
                new PaymentPageRequest.Overrides(theme(p.theme()), promos(p.promos()), p.allowBins(), p.allowTenors()),
                disclaimer(p.disclaimer()), p.overrideNotificationUrl());
    }

    /** @param providerAuthenticationId the provider's 3-D Secure authentication id, null for MOTO */
    static ChargeRequest charge(NewPayment p, String providerCustomerId, String providerAuthenticationId) {
        NewPayment.Card card = p.card();
        return new ChargeRequest(order(p), customer(p.customer(), providerCustomerId),
                new RequestParts.Card(card.number(), card.expiry(), card.cvv(), card.token(), card.save()),
                p.paymentType().name(), providerAuthenticationId);
    }

    /**
     * Check 3-D Secure for a card (number and expiry only) or a saved card's token and its customer, under
     * the id the provider knows the customer by.
     */
    static ThreeDSecureCheck threeDSecureCheck(String invoiceNumber, long amount, String providerCustomerId,
            NewPayment.Card card, String callbackUrlSuccess, String callbackUrlFailed) {
        return new ThreeDSecureCheck(invoiceNumber, amount, providerCustomerId,
                new RequestParts.Card(card.number(), card.expiry(), null, card.token(), false),
                callbackUrlSuccess, callbackUrlFailed);
    }

    private static RequestParts.Order order(NewPayment p) {
        List<NewPayment.LineItem> items = p.lineItems();
        return new RequestParts.Order(p.invoiceNumber(), p.amount(), items == null ? null
                : items.stream().map(i -> new RequestParts.LineItem(i.name(), i.price(), i.quantity())).toList());
    }

    private static RequestParts.Customer customer(NewPayment.Customer c, String providerCustomerId) {
        return c == null ? null
                : new RequestParts.Customer(providerCustomerId, c.name(), c.email(), c.phone(), c.address(), c.country());
    }

    private static PaymentPageRequest.Theme theme(NewPayment.Theme t) {
        return t == null ? null : new PaymentPageRequest.Theme(t.language(), t.backgroundColor(), t.fontColor(),
                t.buttonBackgroundColor(), t.buttonFontColor());
    }

    private static List<PaymentPageRequest.Promo> promos(List<NewPayment.Promo> promos) {
        return promos == null ? null
                : promos.stream().map(x -> new PaymentPageRequest.Promo(x.bin(), x.discountAmount())).toList();
    }

    private static PaymentPageRequest.Disclaimer disclaimer(NewPayment.Disclaimer d) {
        return d == null ? null : new PaymentPageRequest.Disclaimer(d.id(), d.en());
    }
}
