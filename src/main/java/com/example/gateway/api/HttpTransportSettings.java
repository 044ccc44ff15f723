package com.example.gateway.api;

import io.quarkus.runtime.annotations.StaticInitSafe;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands every request the HTTP transport would refuse with an empty 400 to the gateway, which refuses
 * it as problem+json ({@link HttpLimits}). Two JVM-wide switches decide that, and both are read once,
 * when a class initialises, before any CDI bean or startup event exists:
 * <ul>
 * <li>{@code vertx.disableURIValidation}: Quarkus's request handler answers a target that is not a
 * valid URI (a broken percent escape) with an empty 400 before any route;</li>
 * <li>{@code vertx.disableHttpHeadersValidation}: Netty's decoder fails on a control character in a
 * header (a NUL in {@code Authorization}), and Vert.x answers with an empty 400. HttpLimits makes the
 * same check (token names, no control characters in values) as the first route.</li>
 * </ul>
 * Quarkus builds its configuration before anything else of the application, at static init, from
 * the sources registered in {@code META-INF/services}: so this source, which holds no properties,
 * sets the switches in its constructor. No command-line flag is needed, and tests prove the packaged
 * behaviour. A flag given on the command line wins (it is set already). A native image runs static
 * init at build time, so the native image keeps its command-line flag (Dockerfile.native).
 */
@StaticInitSafe
public class HttpTransportSettings implements ConfigSource {

    static final Map<String, String> SWITCHES = Map.of("vertx.disableURIValidation", "true",
            "vertx.disableHttpHeadersValidation", "true");

    public HttpTransportSettings() {
        SWITCHES.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "http-transport-settings";
    }
}
