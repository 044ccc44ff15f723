package com.example.gateway.support;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The settings production cannot run without, checked for what they are, not only for presence:
 * nothing falls back to DOKU's sandbox, a plain-http DOKU URL, a guessable API key or a master key
 * that is the DOKU secret. Each setting may come as an environment variable or as the matching
 * system property. Messages name settings, never their values.
 */
public final class ProductionSettings {

    /** The shortest API key accepted in production (dev's {@code dev-key} is for a laptop only). */
    static final int MIN_API_KEY_LENGTH = 24;

    /** Each setting's environment variable and system property; all but the last are required. */
    private static final Map<String, String> PROPERTIES = new LinkedHashMap<>();
    private static final String PREVIOUS_MASTERS = "GATEWAY_PREVIOUS_MASTER_KEYS";
    private static final String WEBHOOK_NETWORKS = "GATEWAY_WEBHOOK_ALLOWED_NETWORKS";
    private static final String TEST_CLOCK = "GATEWAY_TEST_CLOCK_ENABLED";
    /** The settings production may leave out. */
    private static final Set<String> OPTIONAL = Set.of(PREVIOUS_MASTERS, WEBHOOK_NETWORKS, TEST_CLOCK);
    /** DOKU's production host: where money moves, time must not (staging uses api-sandbox.doku.com). */
    private static final String DOKU_PRODUCTION_HOST = "api.doku.com";
    /**
     * Addresses no opened webhook network may contain: the cloud's metadata service (and so every
     * link-local range and "every address"). Loopback may be opened on purpose (a receiver beside the
     * gateway, as the packaged-jar tests do); the gateway's own ports stay refused whatever is opened.
     */
    private static final List<String> NEVER_OPENED = List.of("169.254.169.254", "fd00:ec2::254");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    static {
        PROPERTIES.put("DOKU_BASE_URL", "doku.base-url");
        PROPERTIES.put("GATEWAY_PUBLIC_URL", "gateway.three-d-secure.public-url");
        PROPERTIES.put("DOKU_CLIENT_ID", "doku.client-id");
        PROPERTIES.put("DOKU_SECRET_KEY", "doku.secret-key");
        PROPERTIES.put("GATEWAY_MASTER_KEY", "gateway.keys.master");
        PROPERTIES.put("GATEWAY_API_KEYS", "gateway.api-keys");
        PROPERTIES.put("QUARKUS_DATASOURCE_REACTIVE_URL", "quarkus.datasource.reactive.url");
        PROPERTIES.put("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url");
        PROPERTIES.put("QUARKUS_DATASOURCE_USERNAME", "quarkus.datasource.username");
        PROPERTIES.put("QUARKUS_DATASOURCE_PASSWORD", "quarkus.datasource.password");
        PROPERTIES.put(PREVIOUS_MASTERS, "gateway.keys.previous-masters");
        PROPERTIES.put(WEBHOOK_NETWORKS, "gateway.webhooks.allowed-networks");
        PROPERTIES.put(TEST_CLOCK, "gateway.test-clock.enabled");
    }

    private ProductionSettings() {
    }

    /** The environment variable names of the settings that are missing or blank. */
    public static List<String> missing(Map<String, String> environment, Properties systemProperties) {
        List<String> missing = new ArrayList<>();
        PROPERTIES.keySet().forEach(variable -> {
            if (!OPTIONAL.contains(variable) && value(variable, environment, systemProperties) == null) {
                missing.add(variable);
            }
        });
        return missing;
    }

    /** What is wrong with the settings that are present: one line each, naming the variable. */
    public static List<String> invalid(Map<String, String> environment, Properties systemProperties) {
        List<String> problems = new ArrayList<>();
        String dokuUrl = value("DOKU_BASE_URL", environment, systemProperties);
        if (dokuUrl != null && !isHttpsOrLoopback(dokuUrl)) {
            problems.add("DOKU_BASE_URL must be an https URL (plain http only to a loopback address)");
        }
        if ("true".equalsIgnoreCase(value(TEST_CLOCK, environment, systemProperties)) && dokuUrl != null && isDokuProduction(dokuUrl)) {
            problems.add(TEST_CLOCK + " must not be true while DOKU_BASE_URL names DOKU's production host ("
                    + DOKU_PRODUCTION_HOST + "): the test clock is for dev and staging only");
        }
        String publicUrl = value("GATEWAY_PUBLIC_URL", environment, systemProperties);
        if (publicUrl != null && !isHttpsOrLoopback(publicUrl)) {
            problems.add("GATEWAY_PUBLIC_URL must be an https URL (plain http only to a loopback address)");
        }
        String dokuSecret = value("DOKU_SECRET_KEY", environment, systemProperties);
        String master = value("GATEWAY_MASTER_KEY", environment, systemProperties);
        if (master != null) {
            masterProblem("GATEWAY_MASTER_KEY", master, dokuSecret, problems);
        }
        String previous = value(PREVIOUS_MASTERS, environment, systemProperties);
        if (previous != null) {
            for (String retired : previous.split(",")) {
                masterProblem(PREVIOUS_MASTERS, retired.trim(), dokuSecret, problems);
            }
        }
        String networks = value(WEBHOOK_NETWORKS, environment, systemProperties);
        if (networks != null) {
            for (String network : networks.split(",")) {
                if (opensTheUnopenable(network.trim())) {
                    problems.add(WEBHOOK_NETWORKS + " must not open link-local addresses (the metadata service) or every address ("
                            + network.trim() + ")");
                }
            }
        }
        String apiKeys = value("GATEWAY_API_KEYS", environment, systemProperties);
        if (apiKeys != null) {
            try {
                if (ApiKeyEntries.parse(apiKeys).stream().anyMatch(e -> e.key().length() < MIN_API_KEY_LENGTH)) {
                    problems.add("GATEWAY_API_KEYS: every key needs at least " + MIN_API_KEY_LENGTH + " characters");
                }
            } catch (IllegalArgumentException malformed) {
                problems.add(malformed.getMessage());
            }
        }
        return problems;
    }

    private static void masterProblem(String variable, String master, String dokuSecret, List<String> problems) {
        if (master.length() < DerivedKeys.MIN_MASTER_LENGTH) {
            problems.add(variable + " needs at least " + DerivedKeys.MIN_MASTER_LENGTH + " characters");
        } else if (master.equals(dokuSecret)) {
            problems.add(variable + " must not be the DOKU secret key: each secret has one job");
        }
    }

    /**
     * Does this CIDR contain the cloud's metadata service? (The gateway refuses such targets unless a
     * network opens them; production must never open them.) A malformed CIDR is left
     * to the webhook settings' own check, which stops the start too.
     */
    static boolean opensTheUnopenable(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        try {
            // Netty's subnet rule (already here under Vert.x) matches IPv4 and IPv6 alike.
            IpSubnetFilterRule network = new IpSubnetFilterRule(cidr.substring(0, slash),
                    Integer.parseInt(cidr.substring(slash + 1)), IpFilterRuleType.ACCEPT);
            for (String address : NEVER_OPENED) {
                if (network.matches(new InetSocketAddress(InetAddress.getByName(address), 0))) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean isDokuProduction(String url) {
        try {
            String host = new URI(url).getHost();
            return host != null && host.toLowerCase().replaceAll("\\.$", "").equals(DOKU_PRODUCTION_HOST);
        } catch (Exception notAUrl) {
            return false;
        }
    }

    private static boolean isHttpsOrLoopback(String url) {
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            return host != null && ("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK.contains(host.toLowerCase()));
        } catch (Exception notAUrl) {
            return false;
        }
    }

    private static String value(String variable, Map<String, String> environment, Properties systemProperties) {
        String value = environment.get(variable);
        if (isBlank(value)) {
            value = systemProperties.getProperty(PROPERTIES.get(variable));
        }
        return isBlank(value) ? null : value.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
