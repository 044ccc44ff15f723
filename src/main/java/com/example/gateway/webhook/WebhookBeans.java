package com.example.gateway.webhook;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * What the webhook settings make, once: the allow-lists of hosts, ports and addresses, and the retry
 * schedule.
 */
@ApplicationScoped
public class WebhookBeans {

    @Produces
    @Singleton
    AllowedHosts allowedHosts(WebhookConfig config) {
        return new AllowedHosts(config.allowedHosts().orElse(List.of()));
    }

    @Produces
    @Singleton
    TargetAddresses targetAddresses(WebhookConfig config) {
        return new TargetAddresses(config.allowedNetworks().orElse(List.of()), ownAddresses());
    }

    /** The gateway's own API, HTTPS and management ports as this launch mode binds them. */
    @Produces
    @Singleton
    TargetPorts targetPorts(WebhookConfig config, Config all, Instance<DevWebhookInbox> inbox) {
        boolean test = LaunchMode.current() == LaunchMode.TEST;
        int api = port(all, test ? "quarkus.http.test-port" : "quarkus.http.port", test ? 8081 : 8080);
        Set<Integer> own = Set.of(api,
                port(all, test ? "quarkus.http.test-ssl-port" : "quarkus.http.ssl-port", test ? 8444 : 8443),
                port(all, test ? "quarkus.management.test-port" : "quarkus.management.port", test ? 9001 : 9000));
        return new TargetPorts(config.allowedPorts(), api, own,
                inbox.isResolvable() ? Optional.of(DevWebhookInbox.RECEIVE_PATH) : Optional.empty());
    }

    @Produces
    @Singleton
    RetrySchedule retrySchedule(WebhookConfig config) {
        return new RetrySchedule(config.retrySchedule());
    }

    private static int port(Config config, String name, int byDefault) {
        return config.getOptionalValue(name, Integer.class).orElse(byDefault);
    }

    /** This replica's interface addresses (the pod's, in Kubernetes). */
    private static Set<InetAddress> ownAddresses() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses).collect(Collectors.toSet());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context a signing secret is sealed for: its endpoint, so that it opens for no other. */
    static String contextOf(String endpointId) {
        return "webhook-endpoint:" + endpointId;
    }
}
