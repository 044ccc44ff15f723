package com.example.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

    private final AllowedHosts hosts = new AllowedHosts(List.of("*.svc.cluster.local", " Orders.Example.com ", ""));

    @Test
    void namesAndEveryNameBelowAWildcardDomain() {
        assertTrue(hosts.permits(URI.create("https://orders.payments.svc.cluster.local/hooks")));
        assertTrue(hosts.permits(URI.create("http://a.svc.cluster.local:8080/x")));
        assertTrue(hosts.permits(URI.create("https://orders.example.com/x")));
        assertTrue(hosts.permits(URI.create("https://ORDERS.EXAMPLE.COM/x")));
    }

    @Test
    void nothingElse() {
        assertFalse(hosts.permits(URI.create("https://svc.cluster.local/x")), "the domain itself is not below it");
        assertFalse(hosts.permits(URI.create("https://evilsvc.cluster.local/x")));
        assertFalse(hosts.permits(URI.create("https://svc.cluster.local.evil.com/x")));
        assertFalse(hosts.permits(URI.create("https://sub.orders.example.com/x")));
        assertFalse(hosts.permits(URI.create("http://169.254.169.254/latest")));
        assertFalse(hosts.permits(URI.create("file:///etc/passwd")));
        assertFalse(new AllowedHosts(List.of()).permits(URI.create("http://localhost/x")), "none configured: none allowed");
    }

    @Test
    void anIpv6LiteralIsListedWithoutItsBrackets() {
        assertTrue(new AllowedHosts(List.of("::1")).permits(URI.create("http://[::1]:8080/x")));
        assertFalse(new AllowedHosts(List.of("::1")).permits(URI.create("http://[::2]/x")));
    }
}
