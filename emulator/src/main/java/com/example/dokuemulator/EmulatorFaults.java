package com.example.dokuemulator;

import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The scripted faults: per operation, one FIFO queue for incoming requests and one for outgoing
 * notifications, each consumed one fault per event. When nothing is scripted for an event, the chaos
 * mode (if on) may draw a fault for it.
 */
final class EmulatorFaults {

    static final String DEFAULT_RETRY_AFTER = "1";

    private final Map<Operation, Deque<EmulatorFault>> requestFaults = queues();
    private final Map<Operation, Deque<EmulatorFault>> notificationFaults = queues();
    private volatile EmulatorChaos chaos;
    private volatile String retryAfter = DEFAULT_RETRY_AFTER;

    void script(Operation operation, EmulatorFault... faults) {
        for (EmulatorFault fault : faults) {
            (fault.onNotification() ? notificationFaults : requestFaults).get(operation).addLast(fault);
        }
    }

    /** Turns the chaos mode on with these settings (a fresh draw sequence), or off with {@code null}. */
    void chaos(EmulatorChaos.Settings settings) {
        chaos = settings == null || settings.rate() == 0 ? null : new EmulatorChaos(settings);
    }

    /** The chaos settings in force, if the mode is on. */
    Optional<EmulatorChaos.Settings> chaos() {
        EmulatorChaos current = chaos;
        return current == null ? Optional.empty() : Optional.of(current.settings());
    }

    /** Takes the next fault for an incoming request of this operation: the scripted one, else a chaos draw. */
    Optional<EmulatorFault> nextForRequest(Operation operation) {
        EmulatorFault scripted = requestFaults.get(operation).pollFirst();
        EmulatorChaos current = chaos;
        if (scripted != null || current == null) {
            return Optional.ofNullable(scripted);
        }
        return current.forRequest(operation);
    }

    /** Takes the next fault for a notification this operation sends: the scripted one, else a chaos draw. */
    Optional<EmulatorFault> nextForNotification(Operation operation) {
        EmulatorFault scripted = notificationFaults.get(operation).pollFirst();
        EmulatorChaos current = chaos;
        if (scripted != null || current == null) {
            return Optional.ofNullable(scripted);
        }
        return current.forNotification(operation);
    }

    /** What is still queued for an operation, requests first. */
    List<EmulatorFault> pending(Operation operation) {
        List<EmulatorFault> all = new ArrayList<>(requestFaults.get(operation));
        all.addAll(notificationFaults.get(operation));
        return all;
    }

    /** The Retry-After header value of 429 and 503 answers (delta-seconds or an HTTP-date); {@code null}: none. */
    void retryAfter(String value) {
        retryAfter = value;
    }

    String retryAfter() {
        return retryAfter;
    }

    void clear() {
        requestFaults.values().forEach(Deque::clear);
        notificationFaults.values().forEach(Deque::clear);
        chaos = null;
        retryAfter = DEFAULT_RETRY_AFTER;
    }

    private static Map<Operation, Deque<EmulatorFault>> queues() {
        Map<Operation, Deque<EmulatorFault>> queues = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            queues.put(operation, new ConcurrentLinkedDeque<>());
        }
        return queues;
    }
}
