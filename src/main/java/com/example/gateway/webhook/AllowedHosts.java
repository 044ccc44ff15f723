package com.example.gateway.webhook;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * An allow-list of host names, so that the gateway cannot be made to send requests to arbitrary
 * hosts: a URL's host must be listed, or lie below a listed {@code *.domain}. Webhook targets are
 * vetted further by address and port ({@link WebhookTargets}); DOKU's notification URL by host only.
 */
public final class AllowedHosts {

    private final List<String> patterns;

    public AllowedHosts(List<String> patterns) {
        this.patterns = patterns.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).toList();
    }

    public boolean permits(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1); // an IPv6 literal is listed without its brackets
        }
        String listed = name;
        return patterns.stream().anyMatch(pattern -> pattern.startsWith("*.")
                ? listed.endsWith(pattern.substring(1)) && listed.length() > pattern.length() - 1
                : listed.equals(pattern));
    }
}
