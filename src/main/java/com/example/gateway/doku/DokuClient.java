package com.example.gateway.doku;

import com.example.gateway.payment.NewPayment;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;

/**
 * The gateway's only way to DOKU. Each method serializes its body once, sends those bytes under the
 * caller's Request-Id, and reads DOKU's answer into the gateway's terms. Failures arrive as
 * {@link DokuRejectedException}, {@link DokuUnavailableException} or {@link DokuOutcomeUnknownException}.
 */
@ApplicationScoped
public class DokuClient {

    private final DokuTransport transport;
    private final ObjectMapper json;

    DokuClient(DokuTransport transport, ObjectMapper json) {
        this.transport = transport;
        this.json = json;
    }

    /** Asks DOKU for a hosted card page; answers with the page's URL. */
    public Uni<String> createPaymentPage(String requestId, NewPayment payment) {
        DokuCall call = DokuCall.post(DokuOperation.PAYMENT_PAGE, requestId, serialize(PaymentPageBody.from(payment)));
        return send(call, PaymentPageAnswer.class, PaymentPageAnswer::url);
    }

    private <A, R> Uni<R> send(DokuCall call, Class<A> answerType, Function<A, R> result) {
        return transport.exchange(call)
                .onFailure().transform(failure -> settle(call, failure))
                .onItem().transform(answer -> {
                    R value = read(answer.body(), answerType).map(result).orElse(null);
                    if (value == null) {
                        // DOKU said yes but we cannot read what it did: only a status check can tell.
                        throw new DokuOutcomeUnknownException(call.operation(), "unreadable answer");
                    }
                    return value;
                });
    }

    private <A> Optional<A> read(String body, Class<A> type) {
        try {
            return Optional.ofNullable(json.readValue(body, type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** After the retries: what the caller may conclude from the failure. */
    private static Throwable settle(DokuCall call, Throwable failure) {
        String reason;
        if (failure instanceof DokuTransientException) {
            reason = failure.getMessage();
        } else if (failure instanceof CircuitBreakerOpenException) {
            reason = "circuit breaker open";
        } else {
            return failure; // a rejection, or a bug: nothing to conclude about DOKU
        }
        return call.possiblyDelivered()
                ? new DokuOutcomeUnknownException(call.operation(), reason)
                : new DokuUnavailableException(call.operation(), reason);
    }

    private byte[] serialize(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize a DOKU request", e);
        }
    }
}
