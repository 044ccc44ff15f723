package com.example.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetAddressesTest {

    private static final TargetAddresses NOTHING_OPENED = new TargetAddresses(List.of(), Set.of());

    @Test
    void publicAddressesAreAllowed() {
        for (String address : List.of("8.8.8.8", "1.1.1.1", "93.184.215.14", "100.63.255.255", "100.128.0.0",
                "172.15.255.255", "172.32.0.0", "192.167.255.255", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e")) {
            assertTrue(NOTHING_OPENED.permits(ip(address)), address);
        }
    }

    @Test
    void addressesThatReachInsideAreRefused() {
        for (String address : List.of(
                "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3",             // loopback, unspecified
                "169.254.169.254", "169.254.0.1",                                  // link-local, cloud metadata
                "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",         // private
                "100.64.0.1", "100.127.255.255",                                   // carrier-grade NAT
                "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1",    // multicast, reserved
                "192.0.0.1", "198.18.0.1", "192.0.2.1",                            // special purpose, documentation
                "::1", "::", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1",      // loopback, link-local, ULA
                "fec0::1", "ff02::1", "ff05::1:3",                                 // site-local, multicast
                "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2001:0:4136:e378::1",     // NAT64, 6to4, Teredo
                "::7f00:1")) {                                                     // IPv4-compatible 127.0.0.1
            assertFalse(NOTHING_OPENED.permits(ip(address)), address);
        }
    }

    @Test
    void anIpv4MappedIpv6AddressIsJudgedAsTheIpv4AddressItMaps() throws UnknownHostException {
        assertFalse(NOTHING_OPENED.permits(ip("::ffff:127.0.0.1")));
        assertFalse(NOTHING_OPENED.permits(ip("::ffff:a9fe:a9fe")), "169.254.169.254");
        assertTrue(NOTHING_OPENED.permits(ip("::ffff:8.8.8.8")));
        // Built with a scope the JDK keeps it an Inet6Address: still the IPv4 address it maps.
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        InetAddress scoped = Inet6Address.getByAddress(null, mapped, 1);
        assertTrue(scoped instanceof Inet6Address);
        assertFalse(NOTHING_OPENED.permits(scoped));
        assertEquals(ip("10.0.0.1"), TargetAddresses.unmapped(scoped));
    }

    @Test
    void anOpenedNetworkOpensItsRangeOnly() {
        TargetAddresses cluster = new TargetAddresses(List.of("10.96.0.0/12", " ::1/128 ", ""), Set.of());
        assertTrue(cluster.permits(ip("10.96.0.10")));
        assertTrue(cluster.permits(ip("10.111.255.255")));
        assertFalse(cluster.permits(ip("10.112.0.0")), "just past the range");
        assertFalse(cluster.permits(ip("10.0.0.1")));
        assertTrue(cluster.permits(ip("::1")));
        assertFalse(cluster.permits(ip("127.0.0.1")), "IPv6 loopback opened, not IPv4's");
        assertFalse(cluster.permits(ip("169.254.169.254")));
        assertTrue(new TargetAddresses(List.of("127.0.0.1"), Set.of()).permits(ip("127.0.0.1")), "a bare address: /32");
        assertFalse(new TargetAddresses(List.of("127.0.0.1"), Set.of()).permits(ip("127.0.0.2")));
    }

    @Test
    void thisReplicasOwnAddressesAreRefusedEvenInAnOpenedNetwork() {
        TargetAddresses pod = new TargetAddresses(List.of("10.0.0.0/8", "127.0.0.0/8"), Set.of(ip("10.1.2.3"), ip("127.0.0.1")));
        assertFalse(pod.permits(ip("10.1.2.3")));
        assertTrue(pod.permits(ip("10.1.2.4")), "another pod");
        assertTrue(pod.permits(ip("127.0.0.1")), "loopback follows the loopback range: opened here");
    }

    @Test
    void aMalformedNetworkFailsTheStart() {
        for (String bad : List.of("10.0.0.0/33", "::/129", "10.0.0.0/x", "example.com/8", "10.0.0/8/8", "-1")) {
            assertThrows(IllegalArgumentException.class, () -> new TargetAddresses(List.of(bad), Set.of()), bad);
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
