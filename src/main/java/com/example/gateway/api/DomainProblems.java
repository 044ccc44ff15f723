package com.example.gateway.api;

import com.example.gateway.payment.AmountExceedsAuthorized;
import com.example.gateway.payment.AmountExceedsRefundable;
import com.example.gateway.payment.AuthorizationExpired;
import com.example.gateway.payment.RejectedByProvider;
import com.example.gateway.payment.ProviderTimeout;
import com.example.gateway.payment.ProviderUnreachable;
import com.example.gateway.payment.InvalidPaymentState;
import com.example.gateway.payment.InvoiceNumberExists;
import com.example.gateway.payment.PaymentNotFound;
import com.example.gateway.payment.ThreeDSecureNotFound;
import com.example.gateway.payment.ThreeDSecureNotUsable;
import com.example.gateway.support.DomainException;
import com.example.gateway.support.TestClockBusy;
import com.example.gateway.support.TestClockNotFollowed;
import com.example.gateway.token.CustomerNotFound;
import com.example.gateway.token.TokenNotFound;
import com.example.gateway.webhook.WebhookDeliveryNotFound;
import com.example.gateway.webhook.WebhookEndpointDisabled;
import com.example.gateway.webhook.WebhookEndpointNotFound;
import com.example.gateway.webhook.WebhookUrlNotAllowed;
import java.util.Map;

/** Each kind of refusal of the domain with its HTTP status and problem code (API.md fixes both). */
final class DomainProblems {

    private record Answer(int status, String code) {
    }

    private static final Map<Class<? extends DomainException>, Answer> ANSWERS = Map.ofEntries(
            Map.entry(PaymentNotFound.class, new Answer(404, "payment_not_found")),
            Map.entry(ThreeDSecureNotFound.class, new Answer(404, "three_d_secure_not_found")),
            Map.entry(ThreeDSecureNotUsable.class, new Answer(409, "three_d_secure_not_usable")),
            Map.entry(CustomerNotFound.class, new Answer(404, "customer_not_found")),
            Map.entry(TokenNotFound.class, new Answer(404, "token_not_found")),
            Map.entry(InvoiceNumberExists.class, new Answer(409, "invoice_number_exists")),
            Map.entry(InvalidPaymentState.class, new Answer(409, "invalid_payment_state")),
            Map.entry(AuthorizationExpired.class, new Answer(409, "authorization_expired")),
            Map.entry(AmountExceedsAuthorized.class, new Answer(422, "amount_exceeds_authorized")),
            Map.entry(AmountExceedsRefundable.class, new Answer(422, "amount_exceeds_refundable")),
            Map.entry(RejectedByProvider.class, new Answer(502, "doku_rejected")),
            Map.entry(ProviderUnreachable.class, new Answer(503, "doku_unavailable")),
            Map.entry(ProviderTimeout.class, new Answer(504, "doku_timeout")),
            Map.entry(WebhookEndpointNotFound.class, new Answer(404, "webhook_endpoint_not_found")),
            Map.entry(WebhookDeliveryNotFound.class, new Answer(404, "webhook_delivery_not_found")),
            Map.entry(WebhookEndpointDisabled.class, new Answer(409, "webhook_endpoint_disabled")),
            Map.entry(WebhookUrlNotAllowed.class, new Answer(422, "webhook_url_not_allowed")),
            Map.entry(TestClockBusy.class, new Answer(409, "test_clock_busy")),
            Map.entry(TestClockNotFollowed.class, new Answer(502, "test_clock_not_followed")));

    private DomainProblems() {
    }

    static Problem of(DomainException refusal) {
        Answer answer = ANSWERS.get(refusal.getClass());
        Problem problem = Problem.of(answer.status(), answer.code(), refusal.title(), refusal.getMessage());
        if (refusal instanceof ProviderUnreachable unavailable && unavailable.retryAfter().isPresent()) {
            return problem.withRetryAfter(unavailable.retryAfter().get());
        }
        return refusal instanceof ProviderTimeout timeout ? problem.withPaymentId(timeout.paymentId()) : problem;
    }
}
