package com.example.gateway.webhook;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which ports a webhook may be sent to: those on the allow-list ({@code 443}, {@code 8443},
 * {@code 1024-65535}), never this gateway's own API and management ports, whatever the list says. The
 * one exception is the dev and test builds' own webhook inbox, on the API port at its one path.
 */
final class TargetPorts {

    private record Range(int from, int to) {
        boolean contains(int port) {
            return port >= from && port <= to;
        }
    }

    private final List<Range> allowed;
    private final int apiPort;
    private final Set<Integer> own;
    private final Optional<String> inboxPath;

    /**
     * @param ownPorts the gateway's own ports, {@code apiPort} among them
     * @param inboxPath the path of the gateway's own webhook inbox (dev and test builds only)
     */
    TargetPorts(List<String> allowedPorts, int apiPort, Set<Integer> ownPorts, Optional<String> inboxPath) {
        this.allowed = allowedPorts.stream().map(String::trim).filter(p -> !p.isEmpty()).map(TargetPorts::range).toList();
        this.apiPort = apiPort;
        this.own = ownPorts;
        this.inboxPath = inboxPath;
    }

    boolean permits(int port, String path) {
        if (port == apiPort && inboxPath.isPresent() && inboxPath.get().equals(path)) {
            return true;
        }
        return !own.contains(port) && allowed.stream().anyMatch(range -> range.contains(port));
    }

    private static Range range(String text) {
        try {
            int dash = text.indexOf('-');
            Range range = dash < 0 ? new Range(Integer.parseInt(text), Integer.parseInt(text))
                    : new Range(Integer.parseInt(text.substring(0, dash).trim()), Integer.parseInt(text.substring(dash + 1).trim()));
            if (range.from() < 1 || range.to() > 65535 || range.from() > range.to()) {
                throw new IllegalArgumentException("Not a port or port range (1-65535): " + text);
            }
            return range;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port or port range (1-65535): " + text, e);
        }
    }
}
