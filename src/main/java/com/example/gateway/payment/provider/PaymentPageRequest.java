package com.example.gateway.payment.provider;

import com.example.gateway.payment.provider.RequestParts.Card;
import com.example.gateway.payment.provider.RequestParts.Customer;
import com.example.gateway.payment.provider.RequestParts.Order;
import java.util.List;

/**
 * A hosted card page to ask the provider for, in the gateway's terms; the provider's adapter maps it into
 * its own body. Its {@code card} holds at most a saved card's token, never card data.
 */
public record PaymentPageRequest(
        Order order,
        Customer customer,
        Card card,
        String paymentType,
        Boolean autoCapture,
        String acquirer,
        Integer tenor,
        String callbackUrl,
        String failedUrl,
        boolean autoRedirect,
        String descriptor,
        Overrides overrides,
        Disclaimer disclaimer,
        String overrideNotificationUrl) {

    /** How the page looks and which cards, tenors and promotions it offers; each may be null. */
    public record Overrides(Theme theme, List<Promo> promos, List<String> allowBins, List<Integer> allowTenors) {

        public boolean none() {
            return theme == null && promos == null && allowBins == null && allowTenors == null;
        }
    }

    public record Theme(String language, String backgroundColor, String fontColor, String buttonBackgroundColor,
            String buttonFontColor) {
    }

    public record Promo(String bin, long discountAmount) {
    }

    public record Disclaimer(String id, String en) {
    }
}
