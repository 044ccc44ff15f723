package com.example.gateway.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The payment jobs' settings ({@code gateway.*}, or the matching {@code GATEWAY_*} variables). The
 * {@code every} and {@code delayed} values are scheduler intervals ({@code off} stops a job).
 */
@ConfigMapping(prefix = "gateway")
public interface PaymentConfig {

    Reconciliation reconciliation();

    ExpirySweep expirySweep();

    Gauges gauges();

    ThreeDSecure threeDSecure();

    /** 3-D Secure authentications ({@code gateway.three-d-secure.*}). */
    interface ThreeDSecure {

        /**
         * The gateway's address as the customer's browser reaches it ({@code GATEWAY_PUBLIC_URL}): the issuer
         * sends the browser back to {@code <public-url>/v1/three-d-secure-returns/<id>} after the challenge.
         */
        String publicUrl();

        /**
         * How long an authentication may be used after it was made. DOKU does not document its own limit;
         * 15 minutes is what its emulator enforces, and an id the gateway still offers DOKU may refuse.
         */
        @WithDefault("PT15M")
        Duration validity();
    }

    /** When reconciliation asks DOKU's check status about what the gateway does not know. */
    interface Reconciliation {

        @WithDefault("15s")
        String every();

        @WithDefault("10s")
        String delayed();

        /** A write-ahead row whose answer never got recorded (a crash, say) is first asked about after this. */
        @WithDefault("PT2M")
        Duration afterWriteAhead();

        /** How long a request DOKU has not answered (or reports unknown) may still be DOKU working on it. */
        @WithDefault("PT1M")
        Duration inFlightGrace();

        /** The first check after an answer was lost; later ones back off exponentially from it. */
        @WithDefault("PT30S")
        Duration afterUnknown();

        /** A payment page nobody has paid yet is asked about after this. */
        @WithDefault("PT30M")
        Duration stalePage();

        /** The longest wait between two checks of one payment. */
        @WithDefault("PT1H")
        Duration maxBackoff();

        /** After this many checks (about a day) a payment is left to operators (the unknown-payments alert). */
        @WithDefault("30")
        int maxAttempts();

        /** How long a replica holds the payments it claimed; one that dies leaves them after this. */
        @WithDefault("PT5M")
        Duration lease();

        /** Payments claimed per run. */
        @WithDefault("20")
        int batch();
    }

    /** Marks lapsed authorizations EXPIRED. */
    interface ExpirySweep {

        @WithDefault("5m")
        String every();

        @WithDefault("30s")
        String delayed();

        /** Authorizations expired per transaction. */
        @WithDefault("50")
        int batch();
    }

    /** The gauges of authorizations awaiting capture and unknown payments. */
    interface Gauges {

        @WithDefault("30s")
        String every();
    }
}
