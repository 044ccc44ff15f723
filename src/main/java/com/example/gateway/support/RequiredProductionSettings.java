package com.example.gateway.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The settings production cannot run without (API.md, "Configuration"). Each may come as an
 * environment variable or as the matching system property.
 */
public final class RequiredProductionSettings {

    private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("DOKU_CLIENT_ID", "doku.client-id");
        REQUIRED.put("DOKU_SECRET_KEY", "doku.secret-key");
        REQUIRED.put("GATEWAY_API_KEYS", "gateway.api-keys");
        REQUIRED.put("QUARKUS_DATASOURCE_REACTIVE_URL", "quarkus.datasource.reactive.url");
        REQUIRED.put("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url");
        REQUIRED.put("QUARKUS_DATASOURCE_USERNAME", "quarkus.datasource.username");
        REQUIRED.put("QUARKUS_DATASOURCE_PASSWORD", "quarkus.datasource.password");
    }

    private RequiredProductionSettings() {
    }

    /** The environment variable names of the settings that are missing or blank. */
    public static List<String> missing(Map<String, String> environment, Properties systemProperties) {
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((variable, property) -> {
            if (isBlank(environment.get(variable)) && isBlank(systemProperties.getProperty(property))) {
                missing.add(variable);
            }
        });
        return missing;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
