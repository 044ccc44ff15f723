package com.example.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.payment.AmountExceedsAuthorized;
import com.example.gateway.payment.AmountExceedsRefundable;
import com.example.gateway.payment.AuthorizationExpired;
import com.example.gateway.payment.RejectedByProvider;
import com.example.gateway.payment.ProviderTimeout;
import com.example.gateway.payment.ProviderUnreachable;
import com.example.gateway.payment.InvalidPaymentState;
import com.example.gateway.payment.InvoiceNumberExists;
import com.example.gateway.payment.PaymentNotFound;
import com.example.gateway.payment.PaymentStatus;
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
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each refusal of the domain leaves with the very problem body the API has always given for it. */
class DomainProblemsTest {

    private static final Map<DomainException, Problem> ANSWERS = new LinkedHashMap<>();

    static {
        answer(new PaymentNotFound(), 404, "payment_not_found", "Payment not found",
                "No payment with this id for this client");
        answer(new CustomerNotFound(), 404, "customer_not_found", "Customer not found",
                "No payment of this client names this customer");
        answer(new TokenNotFound(), 404, "token_not_found", "Token not found", "The customer has no such token");
        answer(new InvoiceNumberExists(), 409, "invoice_number_exists", "Invoice number already used",
                "Another payment already has this invoice_number");
        answer(InvalidPaymentState.notCapturable(PaymentStatus.SUCCEEDED), 409, "invalid_payment_state",
                "Payment cannot be captured",
                "Only an AUTHORIZED payment with no operation in progress can be captured; it is SUCCEEDED");
        answer(InvalidPaymentState.notRefundable(PaymentStatus.PENDING), 409, "invalid_payment_state",
                "Payment cannot be refunded", "Only captured or authorized payments can be refunded; it is PENDING");
        answer(InvalidPaymentState.outcomeUnknown(), 409, "invalid_payment_state", "Payment outcome unknown",
                "DOKU has not yet confirmed an earlier operation on this payment; try again later");
        answer(new AuthorizationExpired(Instant.parse("2026-11-29T03:20:00Z")), 409, "authorization_expired",
                "Authorization expired", "The 7-day capture window closed at 2026-11-29T03:20:00Z");
        answer(new AmountExceedsAuthorized(90000), 422, "amount_exceeds_authorized", "Amount exceeds the authorization",
                "At most 90000 can be captured");
        answer(AmountExceedsRefundable.atMost(-5), 422, "amount_exceeds_refundable", "Amount exceeds what is refundable",
                "At most 0 can be refunded now");
        answer(AmountExceedsRefundable.voidOfLessThan(90000), 422, "amount_exceeds_refundable",
                "Void must be for the full amount", "An authorization is voided whole: 90000");
        answer(new RejectedByProvider("INVALID_PARAMETER: bad"), 502, "doku_rejected", "DOKU rejected the request",
                "INVALID_PARAMETER: bad");
        answer(new ProviderUnreachable(null), 503, "doku_unavailable", "DOKU unavailable",
                "DOKU could not be reached; nothing was done");
        answer(new WebhookEndpointNotFound(), 404, "webhook_endpoint_not_found", "Webhook endpoint not found",
                "No webhook endpoint with this id for this client");
        answer(new WebhookDeliveryNotFound(), 404, "webhook_delivery_not_found", "Webhook delivery not found",
                "No webhook delivery with this id for this client");
        answer(new WebhookEndpointDisabled(), 409, "webhook_endpoint_disabled", "Webhook endpoint disabled",
                "The delivery's endpoint is disabled (it answered 410 Gone); register a new one");
        answer(new WebhookUrlNotAllowed("The URL must be https"), 422, "webhook_url_not_allowed",
                "Webhook URL not allowed", "The URL must be https");
        answer(new ThreeDSecureNotFound(), 404, "three_d_secure_not_found", "3-D Secure authentication not found",
                "No 3-D Secure authentication of yours has this id");
        answer(new ThreeDSecureNotUsable("The authentication is FAILED"), 409, "three_d_secure_not_usable",
                "3-D Secure authentication not usable", "The authentication is FAILED");
        answer(new TestClockBusy(), 409, "test_clock_busy", "Test clock busy",
                "The test clock is being moved by another request; try again once it has answered.");
        answer(new TestClockNotFollowed("The DOKU emulator"), 502, "test_clock_not_followed", "Test clock not moved",
                "The DOKU emulator did not move its clock; the gateway's time is unchanged.");
        ANSWERS.put(new ProviderTimeout("pay_1"), Problem.of(504, "doku_timeout", "DOKU did not answer",
                "The outcome is unknown; the payment will be reconciled").withPaymentId("pay_1"));
    }

    private static void answer(DomainException refusal, int status, String code, String title, String detail) {
        ANSWERS.put(refusal, new Problem("urn:problem:doku-gateway:" + code, title, status, code, detail, null, null, null));
    }

    @Test
    void eachRefusalAnswersWithItsProblem() {
        ANSWERS.forEach((refusal, problem) -> assertEquals(problem, ProblemMapper.known(refusal), refusal.getMessage()));
    }

    @Test
    void anOpenBreakersNextProbeIsTheRetryAfterInWholeSecondsRoundedUp() {
        assertEquals(3L, ProblemMapper.known(new ProviderUnreachable(Duration.ofMillis(2001))).retryAfterSeconds());
        assertEquals(1L, ProblemMapper.known(new ProviderUnreachable(Duration.ofMillis(1))).retryAfterSeconds());
        assertEquals("3", ProblemMapper.toResponse(ProblemMapper.known(new ProviderUnreachable(Duration.ofMillis(2500))))
                .getHeaderString("Retry-After"));
    }

    @Test
    void everyKindOfRefusalIsAnswered() {
        Set<String> kinds = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.example.gateway").get(DomainException.class).getAllSubclasses().stream()
                .map(JavaClass::getName).collect(Collectors.toSet());
        Set<String> answered = ANSWERS.keySet().stream().map(r -> r.getClass().getName()).collect(Collectors.toSet());

        assertEquals(kinds, answered);
    }
}
