package com.example.gateway.doku;

import com.example.gateway.payment.provider.CardToken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.example.gateway.payment.provider.ChargeRequest;
import com.example.gateway.payment.provider.OperationAnswer;
import com.example.gateway.payment.provider.PaymentPageRequest;
import com.example.gateway.payment.provider.ThreeDSecureCheck;
import com.example.gateway.payment.provider.ThreeDSecureEnrollment;
import com.example.gateway.support.LogContext;
import com.example.gateway.support.LogSafe;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The gateway's only way to DOKU. Each method serializes its body once, sends those bytes under the
 * caller's Request-Id, and reads DOKU's answer into the gateway's terms. Failures arrive as
 * {@link DokuRejectedException}, {@link DokuUnavailableException} or {@link DokuOutcomeUnknownException}.
 */
@ApplicationScoped
public class DokuClient {

    private static final Logger LOG = Logger.getLogger(DokuClient.class);

    private final DokuTransport transport;
    private final DokuBreakers breakers;
    private final ObjectMapper json;

    DokuClient(DokuTransport transport, DokuBreakers breakers, ObjectMapper json) {
        this.transport = transport;
        this.breakers = breakers;
        this.json = json;
    }

    /**
     * Fails with {@link DokuUnavailableException} (saying when to come back) while the circuit breaker of
     * {@code operation} is open. Check before writing anything for a call, so that a refusal leaves nothing.
     */
    public Uni<Void> available(DokuOperation operation) {
        return breakers.available(operation);
    }

    /**
     * The exact bytes of DOKU's payment-page request for {@code page}. The caller keeps them until the
     * page's URL is known: sent again under the same Request-Id, DOKU answers with the original page.
     */
    public byte[] paymentPageRequest(PaymentPageRequest page) {
        return serialize(PaymentPageBody.from(page));
    }

    /** Asks DOKU for a hosted card page with a body from {@link #paymentPageRequest}; answers with the page's URL. */
    public Uni<String> createPaymentPage(String requestId, byte[] pageRequest) {
        return send(DokuCall.post(DokuOperation.PAYMENT_PAGE, requestId, pageRequest),
                PaymentPageAnswer.class, PaymentPageAnswer::url);
    }

    /**
     * Asks whether the card (or token) is enrolled in 3-D Secure; DOKU answers an authentication id and,
     * when enrolled, the issuer's challenge URL to send the customer's browser to.
     */
    public Uni<ThreeDSecureEnrollment> checkThreeDSecure(String requestId, ThreeDSecureCheck check) {
        return send(DokuCall.post(DokuOperation.CHECK_THREE_D_SECURE, requestId, serialize(ThreeDSecureCheckBody.from(check))),
                ThreeDSecureCheckAnswer.class, ThreeDSecureCheckAnswer::enrollment);
    }

    /** Charges a card (or token) after 3-D Secure; a decline is an answer, not an error. */
    public Uni<TransactionReport> charge(String requestId, ChargeRequest charge) {
        return charge(requestId, chargeRequest(charge));
    }

    /**
     * The exact bytes of DOKU's charge request for {@code charge}: kept by the caller when the charge is to
     * be sent later (after the customer's 3-D Secure challenge), which a charge by token allows (no card data).
     */
    public byte[] chargeRequest(ChargeRequest charge) {
        return serialize(ChargeBody.from(charge));
    }

    /** Charges with a body from {@link #chargeRequest}. */
    public Uni<TransactionReport> charge(String requestId, byte[] chargeRequest) {
        return send(DokuCall.post(DokuOperation.CHARGE, requestId, chargeRequest), ChargeAnswer.class, ChargeAnswer::report);
    }

    /** Captures an authorization; {@code amount} null captures all of it. */
    public Uni<OperationAnswer> capture(String requestId, String authorizeId, Long amount) {
        CaptureBody body = new CaptureBody(new CaptureBody.Payment(authorizeId, amount));
        return send(DokuCall.post(DokuOperation.CAPTURE, requestId, serialize(body)),
                CaptureAnswer.class, CaptureAnswer::result);
    }

    /** Refunds (or, before settlement, voids) part or all of the payment first created with {@code originalRequestId}. */
    public Uni<OperationAnswer> refund(String requestId, String invoiceNumber, String originalRequestId, long amount) {
        RefundBody body = new RefundBody(new RefundBody.Order(invoiceNumber),
                new RefundBody.Payment(originalRequestId), new RefundBody.Refund(amount));
        return send(DokuCall.post(DokuOperation.REFUND, requestId, serialize(body)),
                RefundAnswer.class, RefundAnswer::result);
    }

    /**
     * DOKU's check status for a transaction named by its invoice number or its Request-Id. An unknown
     * transaction is a {@link DokuRejectedException} with HTTP 404.
     */
    public Uni<TransactionReport> checkStatus(String requestId, String invoiceOrRequestId) {
        String suffix = URLEncoder.encode(invoiceOrRequestId, StandardCharsets.UTF_8).replace("+", "%20");
        return send(DokuCall.get(DokuOperation.CHECK_STATUS, requestId, suffix),
                JsonNode.class, TransactionReport::parse);
    }

    public Uni<List<CardToken>> listTokens(String requestId, String customerId, String type) {
        TokenListBody body = new TokenListBody(new TokenListBody.Customer(customerId),
                type == null ? null : new TokenListBody.TokenData(type));
        JavaType answer = json.getTypeFactory().constructType(new TypeReference<List<TokenListEntry>>() { });
        return this.<List<TokenListEntry>, List<CardToken>>send(
                DokuCall.post(DokuOperation.LIST_TOKENS, requestId, serialize(body)), answer,
                entries -> entries.stream().map(TokenListEntry::cardToken).filter(Objects::nonNull).toList());
    }

    /** Unbinds a token; answers whether DOKU says it was deleted. */
    public Uni<Boolean> deleteToken(String requestId, String tokenId, String customerId) {
        return send(DokuCall.post(DokuOperation.DELETE_TOKEN, requestId, serialize(new DeleteTokenBody(tokenId, customerId))),
                DeleteTokenAnswer.class, DeleteTokenAnswer::deleted);
    }

    private <A, R> Uni<R> send(DokuCall call, Class<A> answerType, Function<A, R> result) {
        return send(call, json.getTypeFactory().constructType(answerType), result);
    }

    private <A, R> Uni<R> send(DokuCall call, JavaType answerType, Function<A, R> result) {
        LogContext.dokuRequest(call.requestId());
        return onCallersContext(breakers.guard(call.operation(), () -> transport.exchange(call)))
                .onFailure().transform(failure -> settle(call, failure))
                // One line per DOKU call, carrying the MDC ids (payment, Request-Id, trace); never a body.
                .onItemOrFailure().invoke((answer, failure) -> LOG.infof("DOKU %s: %s", call.operation(),
                        failure == null ? "answered" : LogSafe.of(failure.getClass().getSimpleName() + " " + failure.getMessage())))
                .onItem().transform(answer -> {
                    R value = this.<A>read(answer.body(), answerType).map(result).orElse(null);
                    if (value == null) {
                        // DOKU said yes but we cannot read what it did: only a status check can tell.
                        throw new DokuOutcomeUnknownException(call.operation(), "unreadable answer");
                    }
                    return value;
                });
    }

    /**
     * Delivers DOKU's answer (or failure) on the Vert.x context that made the call. Retries and the
     * HTTP client may complete on another event-loop thread, and the caller's next step is usually a
     * Hibernate Reactive transaction, whose session must stay on the thread that opened it (HR000069:
     * otherwise the transaction fails, or stays open holding its row lock and pool connection).
     */
    private static <T> Uni<T> onCallersContext(Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            return caller == null ? call : call.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private <A> Optional<A> read(String body, JavaType type) {
        try {
            return Optional.ofNullable(json.readValue(body, type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** After the retries: what the caller may conclude from the failure. */
    private static Throwable settle(DokuCall call, Throwable failure) {
        if (!(failure instanceof DokuTransientException)) {
            return failure; // a rejection, the open breaker's refusal, or a bug: nothing more to conclude
        }
        return call.possiblyDelivered()
                ? new DokuOutcomeUnknownException(call.operation(), failure.getMessage())
                : new DokuUnavailableException(call.operation(), failure.getMessage());
    }

    private byte[] serialize(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize a DOKU request");
        }
    }
}
