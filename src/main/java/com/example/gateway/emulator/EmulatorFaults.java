package com.example.gateway.emulator;

import com.example.gateway.doku.DokuOperation;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The scripted faults: per operation, one FIFO queue for incoming requests and one for outgoing
 * notifications, each consumed one fault per event.
 */
final class EmulatorFaults {

    private final Map<DokuOperation, Deque<EmulatorFault>> requestFaults = queues();
    private final Map<DokuOperation, Deque<EmulatorFault>> notificationFaults = queues();

    void script(DokuOperation operation, EmulatorFault... faults) {
        for (EmulatorFault fault : faults) {
            (fault.onNotification() ? notificationFaults : requestFaults).get(operation).addLast(fault);
        }
    }

    /** Takes the next fault for an incoming request of this operation, if one is scripted. */
    Optional<EmulatorFault> nextForRequest(DokuOperation operation) {
        return Optional.ofNullable(requestFaults.get(operation).pollFirst());
    }

    /** Takes the next fault for a notification this operation sends, if one is scripted. */
    Optional<EmulatorFault> nextForNotification(DokuOperation operation) {
        return Optional.ofNullable(notificationFaults.get(operation).pollFirst());
    }

    /** What is still queued for an operation, requests first. */
    List<EmulatorFault> pending(DokuOperation operation) {
        List<EmulatorFault> all = new ArrayList<>(requestFaults.get(operation));
        all.addAll(notificationFaults.get(operation));
        return all;
    }

    void clear() {
        requestFaults.values().forEach(Deque::clear);
        notificationFaults.values().forEach(Deque::clear);
    }

    private static Map<DokuOperation, Deque<EmulatorFault>> queues() {
        Map<DokuOperation, Deque<EmulatorFault>> queues = new EnumMap<>(DokuOperation.class);
        for (DokuOperation operation : DokuOperation.values()) {
            queues.put(operation, new ConcurrentLinkedDeque<>());
        }
        return queues;
    }
}
