package com.example.gateway.payment.provider;

import io.smallrye.mutiny.Uni;

/**
 * The card acquirer as payments see it, in the gateway's own terms: DOKU is its one adapter
 * ({@code doku.DokuPaymentProvider}); a second upstream (DOKU's SNAP API, another acquirer) or a fake
 * in a unit test implements this interface and nothing in {@code payment} changes.
 *
 * <p>A call that ends without an answer fails with a {@link ProviderFailure}: {@link ProviderRejected}
 * (a definitive refusal), {@link ProviderUnavailable} (nothing happened for certain) or
 * {@link ProviderOutcomeUnknown} (it may have happened). A decline is an answer, not a failure.
 */
public interface PaymentProvider {

    /**
     * Fails with {@link ProviderUnavailable} (saying when to come back) while the provider refuses
     * {@code call} at once (an open circuit breaker). Checked before anything is written for a call.
     */
    Uni<Void> available(ProviderCall call);

    /**
     * The exact bytes of the payment-page request for {@code page}, kept until the page's URL is known:
     * sent again under the same request id, the provider answers with the original page.
     */
    byte[] paymentPageRequest(PaymentPageRequest page);

    /** Opens a hosted card page with a body from {@link #paymentPageRequest}; answers with its URL. */
    Uni<String> createPaymentPage(String requestId, byte[] pageRequest);

    /** Asks whether the card (or token) is enrolled in 3-D Secure, and where the customer is challenged. */
    Uni<ThreeDSecureEnrollment> checkThreeDSecure(String requestId, ThreeDSecureCheck check);

    /**
     * The exact bytes of the charge request for {@code charge}: kept when the charge is sent later (after
     * the customer's 3-D Secure challenge), which a charge by token allows (it holds no card data).
     */
    byte[] chargeRequest(ChargeRequest charge);

    /** Charges with a body from {@link #chargeRequest}; answers what became of the transaction. */
    Uni<TransactionNews> charge(String requestId, byte[] chargeRequest);

    /** Captures an authorization; {@code amount} null captures all of it. */
    Uni<OperationAnswer> capture(String requestId, String authorizeId, Long amount);

    /** Refunds (or, before settlement, voids) part or all of the payment created with {@code originalRequestId}. */
    Uni<OperationAnswer> refund(String requestId, String invoiceNumber, String originalRequestId, long amount);

    /**
     * What the provider knows of the transaction sent under {@code transactionRequestId}: the payment's own
     * ({@link TransactionNews}). A transaction the provider never saw fails with a {@link ProviderRejected}
     * that is {@link ProviderRejected#notFound()}.
     */
    Uni<TransactionNews> checkPayment(String requestId, String transactionRequestId);

    /**
     * What became of a capture or refund sent under {@code operationRequestId}: settled (succeeded or failed),
     * or null while the provider is still processing it. Not found fails as {@link #checkPayment} does.
     */
    Uni<OperationAnswer> checkOperation(String requestId, String operationRequestId);
}
