package com.example.gateway.webhook;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Which addresses a webhook may be sent to: none of the ranges that reach inside (loopback, link-local
 * with the cloud metadata service, private, carrier-grade NAT, ULA, multicast, reserved, and the IPv6
 * forms that embed an IPv4 address) unless an operator opened the range, and never one of this
 * replica's own interface addresses other than loopback. CIDR matching is Netty's
 * {@link IpSubnetFilterRule} (Netty is already here under Vert.x; it handles IPv4 and IPv6 alike).
 */
final class TargetAddresses {

    /** Ranges that are not the public internet (IANA special-purpose registries, RFC 6890 and successors). */
    static final List<String> NOT_PUBLIC = List.of(
            "0.0.0.0/8",          // "this network", 0.0.0.0 included
            "10.0.0.0/8",         // private
            "100.64.0.0/10",      // carrier-grade NAT
            "127.0.0.0/8",        // loopback
            "169.254.0.0/16",     // link-local, cloud metadata (169.254.169.254)
            "172.16.0.0/12",      // private
            "192.0.0.0/24",       // IETF protocol assignments
            "192.0.2.0/24",       // documentation
            "192.88.99.0/24",     // 6to4 relay anycast
            "192.168.0.0/16",     // private
            "198.18.0.0/15",      // benchmarking
            "198.51.100.0/24",    // documentation
            "203.0.113.0/24",     // documentation
            "224.0.0.0/4",        // multicast
            "240.0.0.0/4",        // reserved, broadcast included
            "::/128",             // unspecified
            "::1/128",            // loopback
            "::/96",              // IPv4-compatible (deprecated): would reach the embedded IPv4 address
            "64:ff9b::/96",       // NAT64: reaches the embedded IPv4 address
            "64:ff9b:1::/48",     // local-use NAT64
            "100::/64",           // discard-only
            "2001::/32",          // Teredo: embeds an IPv4 address
            "2001:db8::/32",      // documentation
            "2002::/16",          // 6to4: embeds an IPv4 address
            "fc00::/7",           // unique local (ULA)
            "fe80::/10",          // link-local
            "fec0::/10",          // site-local (deprecated)
            "ff00::/8");          // multicast

    private final List<IpSubnetFilterRule> notPublic;
    private final List<IpSubnetFilterRule> opened;
    private final Set<InetAddress> own;

    /**
     * @param openedNetworks CIDRs an operator opened ({@code 10.96.0.0/12}, {@code ::1/128})
     * @param ownAddresses this replica's interface addresses
     */
    TargetAddresses(List<String> openedNetworks, Set<InetAddress> ownAddresses) {
        this.notPublic = NOT_PUBLIC.stream().map(TargetAddresses::cidr).toList();
        this.opened = openedNetworks.stream().map(String::trim).filter(c -> !c.isEmpty()).map(TargetAddresses::cidr).toList();
        this.own = ownAddresses;
    }

    boolean permits(InetAddress candidate) {
        InetAddress address = unmapped(candidate);
        if (!address.isLoopbackAddress() && own.contains(address)) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return opened.stream().anyMatch(rule -> rule.matches(socket))
                || notPublic.stream().noneMatch(rule -> rule.matches(socket));
    }

    /**
     * An IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}) is the IPv4 address it maps: the JDK turns
     * most into an {@link java.net.Inet4Address} already, but not one built as an {@link Inet6Address} with a scope.
     */
    static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (!(address instanceof Inet6Address) || !isMapped(bytes)) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are an IPv4 address", e);
        }
    }

    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** {@code address/prefix}; a bare address is the one address. Anything else fails the start. */
    static IpSubnetFilterRule cidr(String text) {
        int slash = text.indexOf('/');
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? text : text.substring(0, slash));
        if (literal == null) {
            throw new IllegalArgumentException("Not a CIDR (an IP address, optionally /prefix): " + text);
        }
        try {
            InetAddress address = InetAddress.getByAddress(literal);
            int max = literal.length * 8;
            int prefix = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("Prefix out of range in " + text);
            }
            return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a CIDR (an IP address, optionally /prefix): " + text, e);
        }
    }
}
