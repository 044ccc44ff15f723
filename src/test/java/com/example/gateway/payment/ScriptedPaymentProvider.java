package com.example.gateway.payment;

import com.example.gateway.payment.provider.ChargeRequest;
import com.example.gateway.payment.provider.OperationAnswer;
import com.example.gateway.payment.provider.PaymentPageRequest;
import com.example.gateway.payment.provider.PaymentProvider;
import com.example.gateway.payment.provider.ProviderCall;
import com.example.gateway.payment.provider.ProviderFailure;
import com.example.gateway.payment.provider.ThreeDSecureCheck;
import com.example.gateway.payment.provider.ThreeDSecureEnrollment;
import com.example.gateway.payment.provider.TransactionNews;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider that answers each call as the test scripted it and counts the calls that would reach it
 * ({@link #available} is the provider's own breaker, checked locally: not counted). A call nothing was
 * scripted for fails the test. Only the profiles that enable it use it (DOKU's adapter is the provider
 * elsewhere).
 */
@Alternative
@Singleton
class ScriptedPaymentProvider implements PaymentProvider {

    private final Map<ProviderCall, Uni<?>> answers = new ConcurrentHashMap<>();
    private final Map<ProviderCall, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile ProviderFailure refusal;

    /** Forgets every answer and count: as new, before each test. */
    void reset() {
        answers.clear();
        calls.clear();
        refusal = null;
    }

    /** From now on, {@code call} answers {@code answer} (a null item is an answer too). */
    void answer(ProviderCall call, Object answer) {
        answers.put(call, Uni.createFrom().item(answer));
    }

    /** From now on, {@code call} fails with {@code failure}. */
    void fail(ProviderCall call, ProviderFailure failure) {
        answers.put(call, Uni.createFrom().failure(failure));
    }

    /** From now on, every call is refused at once, as an open breaker refuses it. */
    void refuseAll(ProviderFailure failure) {
        refusal = failure;
    }

    /** How many times {@code call} reached the provider. */
    int calls(ProviderCall call) {
        return calls.computeIfAbsent(call, c -> new AtomicInteger()).get();
    }

    @Override
    public Uni<Void> available(ProviderCall call) {
        ProviderFailure failure = refusal;
        return failure == null ? Uni.createFrom().voidItem() : Uni.createFrom().failure(failure);
    }

    @Override
    public byte[] paymentPageRequest(PaymentPageRequest page) {
        return ("page " + page.order().invoiceNumber()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Uni<String> createPaymentPage(String requestId, byte[] pageRequest) {
        return called(ProviderCall.PAYMENT_PAGE);
    }

    @Override
    public Uni<ThreeDSecureEnrollment> checkThreeDSecure(String requestId, ThreeDSecureCheck check) {
        return called(ProviderCall.CHECK_THREE_D_SECURE);
    }

    @Override
    public byte[] chargeRequest(ChargeRequest charge) {
        return ("charge " + charge.order().invoiceNumber()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Uni<TransactionNews> charge(String requestId, byte[] chargeRequest) {
        return called(ProviderCall.CHARGE);
    }

    @Override
    public Uni<OperationAnswer> capture(String requestId, String authorizeId, Long amount) {
        return called(ProviderCall.CAPTURE);
    }

    @Override
    public Uni<OperationAnswer> refund(String requestId, String invoiceNumber, String originalRequestId, long amount) {
        return called(ProviderCall.REFUND);
    }

    @Override
    public Uni<TransactionNews> checkPayment(String requestId, String transactionRequestId) {
        return called(ProviderCall.CHECK_STATUS);
    }

    @Override
    public Uni<OperationAnswer> checkOperation(String requestId, String operationRequestId) {
        return called(ProviderCall.CHECK_STATUS);
    }

    @SuppressWarnings("unchecked") // the test scripts each call with an answer of the call's type
    private <T> Uni<T> called(ProviderCall call) {
        calls.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
        Uni<?> answer = answers.get(call);
        if (answer == null) {
            throw new AssertionError("no answer scripted for " + call);
        }
        return (Uni<T>) answer;
    }
}
