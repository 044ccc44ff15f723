package com.example.gateway.doku;

import com.example.gateway.payment.provider.ChargeRequest;
import com.example.gateway.payment.provider.OperationAnswer;
import com.example.gateway.payment.provider.PaymentPageRequest;
import com.example.gateway.payment.provider.PaymentProvider;
import com.example.gateway.payment.provider.ProviderCall;
import com.example.gateway.payment.provider.ThreeDSecureCheck;
import com.example.gateway.payment.provider.ThreeDSecureEnrollment;
import com.example.gateway.payment.provider.TransactionNews;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DOKU as the payments' {@link PaymentProvider}: each call goes through {@link DokuClient} (its breakers,
 * retries and signatures), each answer is read by {@link DokuStatuses}, and each failure is translated
 * by {@link DokuProviderFailures}.
 */
@ApplicationScoped
class DokuPaymentProvider implements PaymentProvider {

    private final DokuClient doku;

    DokuPaymentProvider(DokuClient doku) {
        this.doku = doku;
    }

    @Override
    public Uni<Void> available(ProviderCall call) {
        return translated(doku.available(operation(call)));
    }

    @Override
    public byte[] paymentPageRequest(PaymentPageRequest page) {
        return doku.paymentPageRequest(page);
    }

    @Override
    public Uni<String> createPaymentPage(String requestId, byte[] pageRequest) {
        return translated(doku.createPaymentPage(requestId, pageRequest));
    }

    @Override
    public Uni<ThreeDSecureEnrollment> checkThreeDSecure(String requestId, ThreeDSecureCheck check) {
        return translated(doku.checkThreeDSecure(requestId, check));
    }

    @Override
    public byte[] chargeRequest(ChargeRequest charge) {
        return doku.chargeRequest(charge);
    }

    @Override
    public Uni<TransactionNews> charge(String requestId, byte[] chargeRequest) {
        return translated(doku.charge(requestId, chargeRequest).map(DokuStatuses::news));
    }

    @Override
    public Uni<OperationAnswer> capture(String requestId, String authorizeId, Long amount) {
        return translated(doku.capture(requestId, authorizeId, amount));
    }

    @Override
    public Uni<OperationAnswer> refund(String requestId, String invoiceNumber, String originalRequestId, long amount) {
        return translated(doku.refund(requestId, invoiceNumber, originalRequestId, amount));
    }

    @Override
    public Uni<TransactionNews> checkPayment(String requestId, String transactionRequestId) {
        return translated(doku.checkStatus(requestId, transactionRequestId).map(DokuStatuses::news));
    }

    @Override
    public Uni<OperationAnswer> checkOperation(String requestId, String operationRequestId) {
        return translated(doku.checkStatus(requestId, operationRequestId).map(DokuStatuses::operationAnswer));
    }

    static DokuOperation operation(ProviderCall call) {
        return switch (call) {
            case PAYMENT_PAGE -> DokuOperation.PAYMENT_PAGE;
            case CHECK_THREE_D_SECURE -> DokuOperation.CHECK_THREE_D_SECURE;
            case CHARGE -> DokuOperation.CHARGE;
            case CAPTURE -> DokuOperation.CAPTURE;
            case REFUND -> DokuOperation.REFUND;
            case CHECK_STATUS -> DokuOperation.CHECK_STATUS;
        };
    }

    private static <T> Uni<T> translated(Uni<T> call) {
        return call.onFailure().transform(DokuProviderFailures::of);
    }
}
