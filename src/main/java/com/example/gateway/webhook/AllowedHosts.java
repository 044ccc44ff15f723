package com.example.gateway.webhook;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The allow-list of webhook target hosts, so that the gateway cannot be made to send requests to
 * arbitrary addresses (its own management port, cloud metadata, other services): a URL's host must be
 * listed, or lie below a listed {@code *.domain}.
 */
final class AllowedHosts {

    private final List<String> patterns;

    AllowedHosts(List<String> patterns) {
        this.patterns = patterns.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).toList();
    }

    boolean permits(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(pattern -> pattern.startsWith("*.")
                ? name.endsWith(pattern.substring(1)) && name.length() > pattern.length() - 1
                : name.equals(pattern));
    }
}
