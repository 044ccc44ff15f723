package com.example.gateway.webhook;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.List;

/**
 * Every address a webhook host resolves to, looked up on a worker thread: the JDK resolver blocks, and
 * Quarkus runs Vert.x with its blocking (JDK) resolver anyway, so this sees what a connection by name would.
 */
@Singleton
class HostResolver {

    private final Vertx vertx;

    HostResolver(Vertx vertx) {
        this.vertx = vertx;
    }

    Uni<List<InetAddress>> resolve(String host) {
        return vertx.executeBlocking(Uni.createFrom().item(Unchecked.supplier(() -> List.of(InetAddress.getAllByName(host)))),
                false);
    }
}
