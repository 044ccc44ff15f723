package com.example.gateway.support;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs work that must finish even if the caller goes away. When an internal client disconnects
 * mid-request, Quarkus cancels the request's pipeline; a DOKU call already sent must still have its
 * answer recorded (and its idempotent response stored), so that work is subscribed to on its own.
 */
public final class Detached {

    private Detached() {
    }

    public static <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> work.get().subscribe().with(emitter::complete, emitter::fail));
    }
}
