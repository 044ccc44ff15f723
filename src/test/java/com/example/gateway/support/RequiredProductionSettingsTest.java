package com.example.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RequiredProductionSettingsTest {

    @Test
    void namesEveryMissingVariable() {
        assertEquals(List.of("DOKU_CLIENT_ID", "DOKU_SECRET_KEY", "GATEWAY_API_KEYS", "QUARKUS_DATASOURCE_REACTIVE_URL",
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"),
                RequiredProductionSettings.missing(Map.of(), new Properties()));
    }

    @Test
    void acceptsEnvironmentOrSystemPropertiesAndTreatsBlankAsMissing() {
        Properties system = new Properties();
        system.setProperty("doku.secret-key", "s3cret");
        system.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/gw");
        Map<String, String> environment = Map.of(
                "DOKU_CLIENT_ID", "MCH-1",
                "GATEWAY_API_KEYS", "  ",
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db/gw",
                "QUARKUS_DATASOURCE_USERNAME", "gw",
                "QUARKUS_DATASOURCE_PASSWORD", "pw");
        assertEquals(List.of("GATEWAY_API_KEYS"), RequiredProductionSettings.missing(environment, system));
    }
}
