package com.example.dokuemulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The emulator's configuration ({@code emulator.*}, or the matching {@code EMULATOR_*} environment
 * variables). The defaults match the gateway's dev mode, so both start without any configuration.
 */
@ConfigMapping(prefix = "emulator")
public interface EmulatorSettings {

    /** The merchant's Client-Id, as DOKU knows it. */
    @WithDefault("MCH-EMULATOR-0001")
    String clientId();

    /** The merchant's secret key, shared with DOKU: requests, answers and notifications are signed with it. */
    @WithDefault("emulator-secret-key")
    String secretKey();

    /** The merchant's name, shown on the payment page. */
    @WithDefault("Demo Merchant")
    String merchantName();

    /** Base of the payment page URLs handed out, as a browser reaches this emulator. */
    @WithDefault("http://localhost:${quarkus.http.port}")
    String publicUrl();

    /** The merchant's Notification URL as configured at DOKU. */
    @WithDefault("http://localhost:8080/v1/doku/notifications")
    String notificationUrl();

    /** How long the DELAY fault holds an answer back. */
    @WithDefault("PT3S")
    Duration delay();

    /** How long a notification waits for the merchant's answer. */
    @WithDefault("PT10S")
    Duration notificationTimeout();

    /** Faults in force from the start and again after every reset. */
    Startup startup();

    interface Startup {

        /**
         * Scripted faults per operation ({@code emulator.startup.faults.CHARGE=HTTP_503,DELAY}),
         * consumed in order as requests of that operation arrive.
         */
        Map<Operation, List<EmulatorFault>> faults();

        /** The Retry-After header of 429 and 503 faults: delta-seconds or an HTTP-date; {@code none} for no header. */
        @WithDefault("1")
        String retryAfter();

        /** Random faults; off unless {@code rate} is set above 0. */
        Chaos chaos();
    }

    interface Chaos {

        @WithDefault("0")
        double rate();

        @WithDefault("0")
        long seed();

        /** The faults to draw from; all of them when not set. */
        Optional<Set<EmulatorFault>> faults();

        /** The operations that get faults; all of them when not set. */
        Optional<Set<Operation>> operations();
    }
}
