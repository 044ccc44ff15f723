package com.example.gateway.webhook;

import com.example.gateway.webhook.TargetRefused.Reason;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Vets a webhook URL, at registration and before every attempt: https (unless dev or test turn that
 * off), a host on the allow-list, an allowed port, and every address the host resolves to allowed. The
 * answer is the address to connect to, so that no second lookup can lead elsewhere (DNS rebinding).
 * Created at start, so that a malformed network or port setting fails the start.
 */
@Startup
@ApplicationScoped
class WebhookTargets {

    /** A URL that passed, and the vetted address its request must connect to. */
    record Vetted(URI url, InetSocketAddress address) {
    }

    private final boolean requireHttps;
    private final AllowedHosts hosts;
    private final TargetPorts ports;
    private final TargetAddresses addresses;
    private final HostResolver resolver;

    WebhookTargets(WebhookConfig config, AllowedHosts hosts, TargetPorts ports, TargetAddresses addresses,
            HostResolver resolver) {
        this.requireHttps = config.requireHttps();
        this.hosts = hosts;
        this.ports = ports;
        this.addresses = addresses;
        this.resolver = resolver;
    }

    /** The vetted target, or a failure with {@link TargetRefused}. */
    Uni<Vetted> vet(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && (requireHttps || !scheme.equals("http"))) {
            return refused(Reason.SCHEME);
        }
        if (!hosts.permits(url)) {
            return refused(Reason.HOST);
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        if (!ports.permits(port, url.getRawPath())) {
            return refused(Reason.PORT);
        }
        return resolver.resolve(url.getHost())
                .onFailure().transform(unresolved -> new TargetRefused(Reason.ADDRESS))
                .map(resolved -> new Vetted(url, new InetSocketAddress(allowed(resolved), port)));
    }

    /** The first address, when every one is allowed: a name with one inside address is refused as a whole. */
    private InetAddress allowed(List<InetAddress> resolved) {
        if (resolved.isEmpty() || !resolved.stream().allMatch(addresses::permits)) {
            throw new TargetRefused(Reason.ADDRESS);
        }
        return TargetAddresses.unmapped(resolved.get(0));
    }

    private static <T> Uni<T> refused(Reason reason) {
        return Uni.createFrom().failure(new TargetRefused(reason));
    }
}
