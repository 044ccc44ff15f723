package com.example.gateway.devservices;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In development and tests, when no {@code DOKU_BASE_URL} is configured, starts the DOKU emulator as
 * a child process that knows the gateway's DOKU credentials and sends its notifications to this
 * gateway, and hands its URL to the gateway as {@code devservices.doku-emulator.url} (application.properties
 * points {@code doku.base-url} at it). Production never takes this path: the profile check comes first.
 */
public class DokuEmulatorConfigSourceFactory implements ConfigSourceFactory {

    /**
     * Dev mode's emulator port, so that its payment page URLs stay the same from run to run; another
     * with {@code -Ddevservices.doku-emulator.port=...} (a second dev mode on the same machine).
     */
    private static final String DEV_PORT = "8090";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        if (!dev && !profiles.contains("test") || isSet(context, "DOKU_BASE_URL")) {
            return List.of();
        }
        String gatewayPort = dev ? value(context, "quarkus.http.port", "8080") : value(context, "quarkus.http.test-port", "8081");
        Map<String, String> settings = Map.of(
                "emulator.client-id", value(context, "doku.client-id", ""),
                "emulator.secret-key", value(context, "doku.secret-key", ""),
                "emulator.notification-url", "http://localhost:" + gatewayPort + value(context, "doku.notification-target", "/v1/doku/notifications"),
                "emulator.delay", value(context, "devservices.doku-emulator.delay", "PT3S"));
        String url = DokuEmulatorProcess.startOnce(
                dev ? Integer.parseInt(value(context, "devservices.doku-emulator.port", DEV_PORT)) : 0, settings, Path.of("target", "doku-emulator.log"));
        return List.of(new PropertiesConfigSource(Map.of("devservices.doku-emulator.url", url), "doku-emulator", 50));
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
