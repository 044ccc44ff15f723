package com.example.gateway.support;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the time of one API request went, for its {@code Server-Timing} header: the whole request, and
 * the part spent waiting for DOKU (every attempt of every call made while serving it). Kept where the
 * request's reactive work runs, on its Vert.x duplicated context; a DOKU call takes it when it is made
 * ({@link #current}), so attempts that complete on another thread still count.
 */
public final class RequestTiming {

    private static final String KEY = RequestTiming.class.getName();
    private static final long NANOS_PER_MICRO = 1_000;

    private final long startNanos;
    private final AtomicLong dokuNanos = new AtomicLong();
    private final AtomicLong dokuCalls = new AtomicLong();

    RequestTiming(long startNanos) {
        this.startNanos = startNanos;
    }

    /** Starts timing the request being served on this duplicated context; null when not on one. */
    public static RequestTiming start() {
        if (!VertxContext.isOnDuplicatedContext()) {
            return null;
        }
        RequestTiming timing = new RequestTiming(System.nanoTime());
        ContextLocals.put(KEY, timing);
        return timing;
    }

    /** The timing of the request being served here, or null (a scheduled job, a webhook delivery). */
    public static RequestTiming current() {
        if (!VertxContext.isOnDuplicatedContext()) {
            return null;
        }
        return ContextLocals.<RequestTiming>get(KEY).orElse(null);
    }

    /** Adds the duration of one attempt of a DOKU call. */
    public void dokuAttempt(long nanos) {
        dokuNanos.addAndGet(nanos);
        dokuCalls.incrementAndGet();
    }

    /**
     * The header's value at {@code nowNanos} ({@link System#nanoTime}): {@code gateway;dur=<ms>} for the
     * gateway's own time (the request's time less DOKU's), then {@code doku;dur=<ms>} if DOKU was called.
     * Durations in milliseconds with microsecond precision (W3C Server Timing).
     */
    public String header(long nowNanos) {
        long doku = dokuNanos.get();
        // DOKU calls made in parallel could sum to more than the request took: the gateway's part is never negative.
        long own = Math.max(0, nowNanos - startNanos - doku);
        StringBuilder value = new StringBuilder(40).append("gateway;dur=");
        millis(own, value);
        if (dokuCalls.get() > 0) {
            millis(doku, value.append(", doku;dur="));
        }
        return value.toString();
    }

    /** {@code nanos} as milliseconds with three decimals, without String.format's cost. */
    private static void millis(long nanos, StringBuilder into) {
        long micros = nanos / NANOS_PER_MICRO;
        long fraction = micros % 1000;
        into.append(micros / 1000).append('.');
        if (fraction < 100) {
            into.append('0');
        }
        if (fraction < 10) {
            into.append('0');
        }
        into.append(fraction);
    }
}
