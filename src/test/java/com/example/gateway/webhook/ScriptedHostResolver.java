package com.example.gateway.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's resolver, except for the names a test scripts: a DNS server an attacker controls,
 * answering one address at registration and another at delivery. Only the profiles that enable it use it.
 */
@Alternative
@Singleton
class ScriptedHostResolver extends HostResolver {

    private final Map<String, InetAddress> script = new ConcurrentHashMap<>();

    ScriptedHostResolver(Vertx vertx) {
        super(vertx);
    }

    /** From now on, {@code host} resolves to {@code address} (a literal). */
    void answer(String host, String address) {
        try {
            script.put(host, InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Override
    Uni<List<InetAddress>> resolve(String host) {
        InetAddress scripted = script.get(host);
        return scripted == null ? super.resolve(host) : Uni.createFrom().item(List.of(scripted));
    }
}
