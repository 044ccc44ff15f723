package com.example.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProductionSettingsTest {

    private static final String MASTER = "a-master-key-of-at-least-32-characters";

    @Test
    void namesEveryMissingVariable() {
        assertEquals(List.of("DOKU_BASE_URL", "GATEWAY_PUBLIC_URL", "DOKU_CLIENT_ID", "DOKU_SECRET_KEY", "GATEWAY_MASTER_KEY", "GATEWAY_API_KEYS",
                "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD"), ProductionSettings.missing(Map.of(), new Properties()));
    }

    @Test
    void acceptsEnvironmentOrSystemPropertiesAndTreatsBlankAsMissing() {
        Properties system = new Properties();
        system.setProperty("doku.secret-key", "s3cret");
        system.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/gw");
        system.setProperty("gateway.keys.master", MASTER);
        Map<String, String> environment = Map.of(
                "DOKU_BASE_URL", "https://api.doku.com",
                "GATEWAY_PUBLIC_URL", "https://pay.example.com",
                "DOKU_CLIENT_ID", "MCH-1",
                "GATEWAY_API_KEYS", "  ",
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db/gw",
                "QUARKUS_DATASOURCE_USERNAME", "gw",
                "QUARKUS_DATASOURCE_PASSWORD", "pw");
        assertEquals(List.of("GATEWAY_API_KEYS"), ProductionSettings.missing(environment, system));
    }

    @Test
    void acceptsWhatProductionShouldHave() {
        assertEquals(List.of(), ProductionSettings.invalid(valid(), new Properties()));
    }

    @Test
    void refusesAPlainHttpOrMalformedDokuUrlButNotALoopbackStandIn() {
        assertInvalid("DOKU_BASE_URL", "http://api.doku.com", "DOKU_BASE_URL must be an https URL");
        assertInvalid("DOKU_BASE_URL", "api.doku.com", "DOKU_BASE_URL must be an https URL");
        assertInvalid("GATEWAY_PUBLIC_URL", "http://pay.example.com", "GATEWAY_PUBLIC_URL must be an https URL");
        Map<String, String> local = valid();
        local.put("DOKU_BASE_URL", "http://localhost:8090");
        assertEquals(List.of(), ProductionSettings.invalid(local, new Properties()));
    }

    @Test
    void refusesAShortMasterOrOneThatIsTheDokuSecret() {
        assertInvalid("GATEWAY_MASTER_KEY", "short", "GATEWAY_MASTER_KEY needs at least 32 characters");
        assertInvalid("GATEWAY_MASTER_KEY", "the-doku-secret-which-is-long-enough-too",
                "GATEWAY_MASTER_KEY must not be the DOKU secret key");
        assertInvalid("GATEWAY_PREVIOUS_MASTER_KEYS", MASTER + "-old,short", "GATEWAY_PREVIOUS_MASTER_KEYS needs at least 32");
    }

    @Test
    void refusesApiKeysThatAreMalformedOrGuessableWithoutShowingThem() {
        assertInvalid("GATEWAY_API_KEYS", "orders:x", "every key needs at least 24 characters");
        assertInvalid("GATEWAY_API_KEYS", "orders", "entry 1 is not name:key");
        assertInvalid("GATEWAY_API_KEYS", "orders:" + "k".repeat(30) + ",orders:" + "j".repeat(30), "repeats the client name");
        assertInvalid("GATEWAY_API_KEYS", "Orders Team:" + "k".repeat(30), "entry 1 has a name");
        Map<String, String> environment = valid();
        environment.put("GATEWAY_API_KEYS", "orders:short-secret-value");
        assertTrue(ProductionSettings.invalid(environment, new Properties()).stream()
                .noneMatch(line -> line.contains("short-secret-value")));
    }

    @Test
    void refusesWebhookNetworksThatOpenTheMetadataServiceOrEveryAddress() {
        assertInvalid("GATEWAY_WEBHOOK_ALLOWED_NETWORKS", "10.96.0.0/12,169.254.0.0/16", "must not open link-local");
        assertInvalid("GATEWAY_WEBHOOK_ALLOWED_NETWORKS", "0.0.0.0/0", "must not open link-local");
        assertInvalid("GATEWAY_WEBHOOK_ALLOWED_NETWORKS", "::/0", "must not open link-local");
        Map<String, String> serviceRange = valid();
        serviceRange.put("GATEWAY_WEBHOOK_ALLOWED_NETWORKS", "10.96.0.0/12,fd00:10:96::/112");
        assertEquals(List.of(), ProductionSettings.invalid(serviceRange, new Properties()));
    }

    @Test
    void refusesTheTestClockNextToDokusProductionHostButNotNextToItsSandbox() {
        assertInvalid("GATEWAY_TEST_CLOCK_ENABLED", "true", "GATEWAY_TEST_CLOCK_ENABLED must not be true");
        Map<String, String> productionHostSpelledOtherwise = valid();
        productionHostSpelledOtherwise.put("DOKU_BASE_URL", "https://API.DOKU.COM./");
        Properties system = new Properties();
        system.setProperty("gateway.test-clock.enabled", "TRUE");
        assertEquals(List.of("GATEWAY_TEST_CLOCK_ENABLED must not be true while DOKU_BASE_URL names DOKU's production host "
                + "(api.doku.com): the test clock is for dev and staging only"),
                ProductionSettings.invalid(productionHostSpelledOtherwise, system));

        Map<String, String> staging = valid();
        staging.put("DOKU_BASE_URL", "https://api-sandbox.doku.com");
        staging.put("GATEWAY_TEST_CLOCK_ENABLED", "true");
        assertEquals(List.of(), ProductionSettings.invalid(staging, new Properties()));
        Map<String, String> off = valid();
        off.put("GATEWAY_TEST_CLOCK_ENABLED", "false");
        assertEquals(List.of(), ProductionSettings.invalid(off, new Properties()));
        assertEquals(List.of(), ProductionSettings.missing(staging, new Properties()).stream()
                .filter("GATEWAY_TEST_CLOCK_ENABLED"::equals).toList(), "optional");
    }

    private static void assertInvalid(String variable, String value, String expected) {
        Map<String, String> environment = valid();
        environment.put(variable, value);
        List<String> problems = ProductionSettings.invalid(environment, new Properties());
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), problems.toString());
    }

    private static Map<String, String> valid() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DOKU_BASE_URL", "https://api.doku.com");
        environment.put("GATEWAY_PUBLIC_URL", "https://pay.example.com");
        environment.put("DOKU_SECRET_KEY", "the-doku-secret-which-is-long-enough-too");
        environment.put("GATEWAY_MASTER_KEY", MASTER);
        environment.put("GATEWAY_API_KEYS", "orders:" + "o".repeat(32) + ",subscriptions:" + "s".repeat(32));
        return environment;
    }
}
