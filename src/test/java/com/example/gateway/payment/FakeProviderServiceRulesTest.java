package com.example.gateway.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.gateway.payment.provider.OperationAnswer;
import com.example.gateway.payment.provider.ProviderCall;
import com.example.gateway.payment.provider.ProviderOutcomeUnknown;
import com.example.gateway.payment.provider.ProviderUnavailable;
import com.example.gateway.payment.provider.TransactionNews;
import com.example.gateway.support.Ids;
import com.example.gateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payment rules of the services, held against a scripted provider (no DOKU, no emulator, no HTTP): what
 * each answer (succeeded, declined, unknown, unavailable) leaves behind, and which requests never reach the
 * provider at all, counted call by call.
 */
@QuarkusTest
@TestProfile(FakeProviderServiceRulesTest.ScriptedProvider.class)
class FakeProviderServiceRulesTest {

    /** The provider is the scripted one; a profile of its own, so no other test meets it. */
    public static class ScriptedProvider implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedPaymentProvider.class);
        }
    }

    private static final String CLIENT = "orders";
    private static final long AMOUNT = 90000;

    @Inject
    PaymentService paymentService;

    @Inject
    CaptureService captures;

    @Inject
    RefundService refunds;

    @Inject
    Payments payments;

    @Inject
    TestDatabase db;

    @Inject
    ScriptedPaymentProvider provider;

    @BeforeEach
    void forgetEarlierScripts() {
        provider.reset();
    }

    @Test
    void aRefundOverTheRefundableAmountNeverReachesTheProvider() throws Throwable {
        String id = payment(TransactionNews.Kind.SALE);

        assertThrows(AmountExceedsRefundable.class, () -> await(() -> refunds.refund(CLIENT, id, AMOUNT + 1, null, null)));

        assertEquals(0, provider.calls(ProviderCall.REFUND));
        assertEquals(List.of(), details(id).operations(), "no operation row");
        assertEquals(PaymentStatus.SUCCEEDED, details(id).payment().status);
    }

    @Test
    void aCaptureOverTheAuthorizedAmountNeverReachesTheProvider() throws Throwable {
        String id = payment(TransactionNews.Kind.AUTHORIZATION);

        assertThrows(AmountExceedsAuthorized.class, () -> await(() -> captures.capture(CLIENT, id, AMOUNT + 1, null)));

        assertEquals(0, provider.calls(ProviderCall.CAPTURE));
        assertEquals(List.of(), details(id).operations(), "no operation row");
    }

    @Test
    void aCaptureWhoseAnswerIsLostLocksThePaymentUntilReconciled() throws Throwable {
        String id = payment(TransactionNews.Kind.AUTHORIZATION);
        provider.fail(ProviderCall.CAPTURE, new ProviderOutcomeUnknown("read timed out"));
        provider.answer(ProviderCall.CHECK_STATUS, null); // the provider is still processing the capture

        ProviderTimeout lost = assertThrows(ProviderTimeout.class, () -> await(() -> captures.capture(CLIENT, id, null, null)));
        assertEquals(id, lost.paymentId());
        assertEquals(PaymentStatus.UNKNOWN, details(id).payment().status);
        assertEquals(List.of(PaymentOperation.Status.UNKNOWN), statuses(id));

        assertThrows(InvalidPaymentState.class, () -> await(() -> captures.capture(CLIENT, id, null, null)));
        assertThrows(InvalidPaymentState.class, () -> await(() -> refunds.refund(CLIENT, id, AMOUNT, null, null)));

        assertEquals(1, provider.calls(ProviderCall.CAPTURE), "no second capture while the first is in doubt");
        assertEquals(0, provider.calls(ProviderCall.REFUND));
        assertEquals(2, provider.calls(ProviderCall.CHECK_STATUS), "each attempt asked about the capture in doubt first");
        assertEquals(List.of(PaymentOperation.Status.UNKNOWN), statuses(id));
        assertEquals(0, details(id).payment().capturedAmount);
    }

    @Test
    void aDeclinedCaptureLeavesTheCapturedAmountUnchanged() throws Throwable {
        String id = payment(TransactionNews.Kind.AUTHORIZATION);
        provider.answer(ProviderCall.CAPTURE, new OperationAnswer(false, false, null, null, "05", "Do not honor"));

        Payment payment = await(() -> captures.capture(CLIENT, id, 60000L, null));

        assertEquals(1, provider.calls(ProviderCall.CAPTURE));
        assertEquals(PaymentStatus.AUTHORIZED, payment.status);
        assertEquals(0, details(id).payment().capturedAmount);
        PaymentOperation capture = details(id).operations().get(0);
        assertEquals(PaymentOperation.Status.FAILED, capture.status);
        assertEquals("05", capture.failureCode);
    }

    @Test
    void anUnavailableProviderLeavesNoPendingOperation() throws Throwable {
        String id = payment(TransactionNews.Kind.AUTHORIZATION);
        provider.fail(ProviderCall.CAPTURE, new ProviderUnavailable("connection refused", null));

        assertThrows(ProviderUnreachable.class, () -> await(() -> captures.capture(CLIENT, id, null, null)));
        assertEquals(1, provider.calls(ProviderCall.CAPTURE));
        assertEquals(List.of(PaymentOperation.Status.FAILED), statuses(id), "written ahead, then failed: not PENDING");

        provider.refuseAll(new ProviderUnavailable("breaker open", null));
        assertThrows(ProviderUnreachable.class, () -> await(() -> captures.capture(CLIENT, id, null, null)));
        assertEquals(1, provider.calls(ProviderCall.CAPTURE), "an open breaker refuses before any call");
        assertEquals(List.of(PaymentOperation.Status.FAILED), statuses(id), "and before any row");
        assertEquals(PaymentStatus.AUTHORIZED, details(id).payment().status);
    }

    @Test
    void aPaymentTheProviderCouldNotBeReachedForIsWithdrawn() throws Throwable {
        String invoice = newInvoice();
        provider.fail(ProviderCall.CHARGE, new ProviderUnavailable("connection refused", null));

        assertThrows(ProviderUnreachable.class, () -> await(() -> paymentService.create(CLIENT, moto(invoice))));

        assertEquals(1, provider.calls(ProviderCall.CHARGE));
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE invoice_number = $1", invoice),
                "no payment row: the invoice may be retried");
    }

    @Test
    void aReusedIdempotencyKeyReachesTheProviderOnce() throws Throwable {
        String id = payment(TransactionNews.Kind.SALE);
        provider.answer(ProviderCall.REFUND, new OperationAnswer(true, false, "PARTIAL_REFUND", "R1", null, null));

        PaymentOperation first = await(() -> refunds.refund(CLIENT, id, 10000, "one item back", "key-1"));
        PaymentOperation again = await(() -> refunds.refund(CLIENT, id, 10000, "one item back", "key-1"));

        assertEquals(1, provider.calls(ProviderCall.REFUND));
        assertEquals(first.id, again.id);
        assertEquals(1, details(id).operations().size());
        assertEquals(10000, details(id).payment().refundedAmount);
    }

    /** A MOTO payment the provider answered as a sale or an authorization of {@link #AMOUNT}: one charge call. */
    private String payment(TransactionNews.Kind kind) throws Throwable {
        String invoice = newInvoice();
        provider.answer(ProviderCall.CHARGE, new TransactionNews(invoice, AMOUNT, kind, TransactionNews.Outcome.SUCCEEDED,
                null, null, TransactionNews.Card.NONE, "A1", "auth-" + invoice));
        String id = await(() -> paymentService.create(CLIENT, moto(invoice))).id;
        assertEquals(1, provider.calls(ProviderCall.CHARGE));
        return id;
    }

    private static NewPayment moto(String invoice) {
        return new NewPayment(invoice, AMOUNT, PaymentFlow.CHARGE, PaymentType.MOTO, null, null, null, null, null,
                null, null, false, null, new NewPayment.Card("4111111111111111", "1230", null, null, false), null,
                null, null, null, null, null, null, Map.of());
    }

    private static String newInvoice() {
        return "INV-FAKE-" + Ids.newRequestId();
    }

    private List<PaymentOperation.Status> statuses(String id) throws Throwable {
        return details(id).operations().stream().map(op -> op.status).toList();
    }

    private Payments.Details details(String id) throws Throwable {
        return await(() -> payments.details(CLIENT, id));
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
