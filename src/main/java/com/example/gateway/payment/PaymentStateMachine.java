package com.example.gateway.payment;

import static com.example.gateway.payment.PaymentStatus.AUTHORIZED;
import static com.example.gateway.payment.PaymentStatus.EXPIRED;
import static com.example.gateway.payment.PaymentStatus.FAILED;
import static com.example.gateway.payment.PaymentStatus.PARTIALLY_REFUNDED;
import static com.example.gateway.payment.PaymentStatus.PENDING;
import static com.example.gateway.payment.PaymentStatus.REFUNDED;
import static com.example.gateway.payment.PaymentStatus.REQUIRES_AUTHENTICATION;
import static com.example.gateway.payment.PaymentStatus.SUCCEEDED;
import static com.example.gateway.payment.PaymentStatus.UNKNOWN;
import static com.example.gateway.payment.PaymentStatus.VOIDED;

import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.payment.Transition.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every status a payment, a capture or a refund may move to, and why; and the only code that moves
 * one. A status never moves backwards. A move the table does not hold is refused (answered empty),
 * not an error: late and repeated news from the provider is normal and changes nothing.
 *
 * <p>The services say what happened ({@link Happening} to a payment, {@link OperationHappening} to a capture
 * or refund); {@code decide} alone chooses the status that follows and the events it yields, and
 * {@code apply} carries that decision onto the payment or operation, its events into the transaction's
 * {@link UnitOfWork}.
 */
public final class PaymentStateMachine {

    /** What happened to a payment, in the gateway's terms; {@link #decide} says what status follows. */
    public enum Happening {
        /** A new payment whose customer must pass 3-D Secure before anything is charged. */
        AWAITS_AUTHENTICATION,
        /** The customer is still paying, the lost page was recovered, or 3-D Secure let the charge go. */
        STILL_PAYING,
        /** The provider authorized the card: the money is held for capture. */
        AUTHORIZED,
        /** The provider charged the card: a sale. */
        CHARGED,
        /**
         * No money moved: declined, rejected or lapsed unpaid at the provider, unknown to it, unreachable after
         * 3-D Secure, or the customer did not authenticate.
         */
        DECLINED,
        /** The authorization lapsed uncaptured (the provider released it, or the 7-day window closed). */
        AUTHORIZATION_RELEASED,
        /** The answer to a call that may have moved money was lost. */
        ANSWER_LOST,
        /** A capture or refund settled: the status is what the amounts now say. */
        AMOUNTS_SETTLED,
        /** A refund the provider made as a void: the payment is voided whole. */
        VOIDED
    }

    /** What follows a happening: the new status and the events to record (none, or one). */
    public record Decision(PaymentStatus to, List<EventType> events) {
    }

    /**
     * What happened to a capture or refund, in the gateway's terms;
     * {@link #decide(PaymentOperation, OperationHappening)} says what status follows.
     */
    public enum OperationHappening {
        /** The provider did it: its answer said so, or check status found it done. */
        DONE,
        /** The provider did not do it: it declined or rejected it, could not be reached, or has no record of it. */
        REFUSED,
        /** The answer to the call that may have done it was lost. */
        ANSWER_LOST
    }

    /** What follows an operation's happening: its new status and the events to record (none, or one). */
    public record OperationDecision(PaymentOperation.Status to, List<EventType> events) {
    }

    /** An allowed move and why it exists; {@code when} must also hold of the payment or operation. */
    record Edge<S extends Enum<S>, T>(S from, S to, String reason, Predicate<T> when) {
    }

    /** A status, once UNKNOWN, may go back to waiting or failing only if DOKU had moved no money before. */
    private static final Predicate<Payment> NO_MONEY_MOVED = p -> !p.heldMoney();

    static final List<Edge<PaymentStatus, Payment>> PAYMENT = List.of(
            edge(PENDING, AUTHORIZED, "DOKU authorized the card: the funds are held for capture"),
            edge(PENDING, SUCCEEDED, "DOKU charged the card: a sale"),
            edge(PENDING, FAILED, "DOKU declined or rejected the payment, or the page lapsed unpaid"),
            edge(PENDING, UNKNOWN, "DOKU's answer to the creation call was lost"),
            edge(REQUIRES_AUTHENTICATION, PENDING, "the customer passed the 3-D Secure challenge, or the card "
                    + "is not enrolled: the gateway sends the charge"),
            edge(REQUIRES_AUTHENTICATION, FAILED, "the customer failed or abandoned the challenge, or let it expire: "
                    + "nothing was charged"),
            edge(FAILED, AUTHORIZED, "the customer failed on the page, then paid: DOKU's later success is the truth"),
            edge(FAILED, SUCCEEDED, "the customer failed on the page, then paid: DOKU's later success is the truth"),
            edge(AUTHORIZED, SUCCEEDED, "captured, in full or in part"),
            edge(AUTHORIZED, EXPIRED, "not captured within the 7-day window: DOKU released the funds"),
            edge(AUTHORIZED, VOIDED, "voided whole before any capture"),
            edge(AUTHORIZED, UNKNOWN, "the answer to a capture or void was lost"),
            edge(SUCCEEDED, PARTIALLY_REFUNDED, "part of the captured money was refunded"),
            edge(SUCCEEDED, REFUNDED, "all of the captured money was refunded"),
            edge(SUCCEEDED, VOIDED, "a sale not yet settled is voided whole rather than refunded"),
            edge(SUCCEEDED, UNKNOWN, "the answer to a refund was lost"),
            edge(PARTIALLY_REFUNDED, REFUNDED, "the rest of the captured money was refunded"),
            edge(PARTIALLY_REFUNDED, UNKNOWN, "the answer to a refund was lost"),
            new Edge<>(UNKNOWN, PENDING, "the lost page was recovered, or the customer is still paying; "
                    + "only if no money had moved", NO_MONEY_MOVED),
            edge(UNKNOWN, AUTHORIZED, "DOKU reports the authorization, or the capture in doubt failed"),
            edge(UNKNOWN, SUCCEEDED, "DOKU reports the sale, or the capture or refund in doubt settled"),
            new Edge<>(UNKNOWN, FAILED, "DOKU reports the payment failed or has no record of it; "
                    + "only if no money had moved", NO_MONEY_MOVED),
            edge(UNKNOWN, VOIDED, "the refund in doubt was a void"),
            edge(UNKNOWN, PARTIALLY_REFUNDED, "the refund in doubt took part of the money"),
            edge(UNKNOWN, REFUNDED, "the refund in doubt took the rest of the money"));

    static final List<Edge<PaymentOperation.Status, PaymentOperation>> OPERATION = List.of(
            edge(PaymentOperation.Status.PENDING, PaymentOperation.Status.SUCCEEDED,
                    "DOKU answered that it was done, or check status found it done"),
            edge(PaymentOperation.Status.PENDING, PaymentOperation.Status.FAILED,
                    "DOKU declined or rejected it, could not be reached, or has no record of it"),
            edge(PaymentOperation.Status.PENDING, PaymentOperation.Status.UNKNOWN, "DOKU's answer was lost"),
            edge(PaymentOperation.Status.UNKNOWN, PaymentOperation.Status.SUCCEEDED, "check status found it done"),
            edge(PaymentOperation.Status.UNKNOWN, PaymentOperation.Status.FAILED,
                    "check status found it failed, or DOKU has no record of it"));

    private PaymentStateMachine() {
    }

    /**
     * The status that follows {@code happening} for {@code payment} as it stands, and the events to record;
     * empty if the table holds no such move (late or repeated news: nothing changes). Changes nothing.
     */
    public static Optional<Decision> decide(Payment payment, Happening happening) {
        PaymentStatus to = switch (happening) {
            case AWAITS_AUTHENTICATION -> REQUIRES_AUTHENTICATION;
            case STILL_PAYING -> PENDING;
            case AUTHORIZED -> AUTHORIZED;
            case CHARGED -> SUCCEEDED;
            case DECLINED -> FAILED;
            case AUTHORIZATION_RELEASED -> EXPIRED;
            case ANSWER_LOST -> UNKNOWN;
            case AMOUNTS_SETTLED -> payment.statusFromAmounts();
            case VOIDED -> VOIDED;
        };
        if (happening == Happening.AWAITS_AUTHENTICATION) {
            // only a new payment, not yet stored; nothing has happened yet, so no event
            return payment.status == PENDING && payment.version == 0
                    ? Optional.of(new Decision(to, List.of())) : Optional.empty();
        }
        if (!allowed(PAYMENT, payment, payment.status, to)) {
            return Optional.empty();
        }
        Transition t = new Transition(Subject.PAYMENT, payment.id, payment.id, payment.status, to, null, null);
        return Optional.of(new Decision(to, EventType.of(t).stream().toList()));
    }

    /**
     * The status that follows {@code happening} for the capture or refund as it stands, and the events to
     * record; empty if the table holds no such move (it was settled already). Changes nothing.
     */
    public static Optional<OperationDecision> decide(PaymentOperation op, OperationHappening happening) {
        PaymentOperation.Status to = switch (happening) {
            case DONE -> PaymentOperation.Status.SUCCEEDED;
            case REFUSED -> PaymentOperation.Status.FAILED;
            case ANSWER_LOST -> PaymentOperation.Status.UNKNOWN;
        };
        if (!allowed(OPERATION, op, op.status, to)) {
            return Optional.empty();
        }
        Transition t = new Transition(subjectOf(op), op.id, op.paymentId, op.status, to, null, null);
        return Optional.of(new OperationDecision(to, EventType.of(t).stream().toList()));
    }

    /**
     * A new payment, not yet stored, waits for 3-D Secure before anything is charged: its first status, which
     * is no news (no event, so no unit of work); whether it applied.
     */
    public static boolean awaitAuthentication(Payment payment) {
        Optional<Decision> decision = decide(payment, Happening.AWAITS_AUTHENTICATION);
        decision.ifPresent(d -> payment.status = d.to());
        return decision.isPresent();
    }

    /**
     * Decides what follows {@code happening} and carries it onto the payment, its events into {@code unit};
     * whether its status changed.
     */
    public static boolean apply(UnitOfWork unit, Payment payment, Happening happening, Transition.Cause cause,
            Instant now) {
        Optional<Decision> decision = decide(payment, happening);
        if (decision.isEmpty()) {
            return false;
        }
        if (happening == Happening.AWAITS_AUTHENTICATION) {
            return awaitAuthentication(payment);
        }
        return move(unit, payment, decision.get().to(), cause, now).isPresent();
    }

    /**
     * Moves the payment to {@code to} if the table allows it; empty (and nothing changed) if not. Only
     * {@link #apply} calls it (ArchitectureTest): a service says what happened, never which status follows.
     */
    static Optional<Transition> move(UnitOfWork unit, Payment payment, PaymentStatus to, Cause cause, Instant now) {
        if (!allowed(PAYMENT, payment, payment.status, to)) {
            return Optional.empty();
        }
        Transition transition = new Transition(Subject.PAYMENT, payment.id, payment.id, payment.status, to, cause, now);
        unit.record(transition); // first: a unit that refuses it leaves the payment unchanged
        payment.status = to;
        payment.updatedAt = now;
        return Optional.of(transition);
    }

    /**
     * Decides what follows {@code happening} for the capture or refund and carries it onto it, its event into
     * {@code unit}; whether its status changed.
     */
    public static boolean apply(UnitOfWork unit, PaymentOperation op, OperationHappening happening, Cause cause,
            Instant now) {
        Optional<OperationDecision> decision = decide(op, happening);
        return decision.isPresent() && move(unit, op, decision.get().to(), cause, now).isPresent();
    }

    /**
     * Moves the capture or refund to {@code to} if the table allows it; empty (and nothing changed) if not.
     * Only {@link #apply} calls it (ArchitectureTest), as for payments.
     */
    static Optional<Transition> move(UnitOfWork unit, PaymentOperation op, PaymentOperation.Status to, Cause cause,
            Instant now) {
        if (!allowed(OPERATION, op, op.status, to)) {
            return Optional.empty();
        }
        Transition transition = new Transition(subjectOf(op), op.id, op.paymentId, op.status, to, cause, now);
        unit.record(transition); // first: a unit that refuses it leaves the operation unchanged
        op.status = to;
        op.updatedAt = now;
        return Optional.of(transition);
    }

    private static Subject subjectOf(PaymentOperation op) {
        return op.kind == PaymentOperation.Kind.CAPTURE ? Subject.CAPTURE : Subject.REFUND;
    }

    private static <S extends Enum<S>, T> boolean allowed(List<Edge<S, T>> table, T subject, S from, S to) {
        return table.stream().anyMatch(e -> e.from() == from && e.to() == to && e.when().test(subject));
    }

    private static <S extends Enum<S>, T> Edge<S, T> edge(S from, S to, String reason) {
        return new Edge<>(from, to, reason, any -> true);
    }
}
