package com.example.gateway.webhook;

/** A webhook URL that is not a target the gateway sends to, and why, in words that name no address. */
final class TargetRefused extends RuntimeException {

    enum Reason {
        SCHEME("https required", "The URL must be https"),
        HOST("host not allowed", "The URL's host is not on the gateway's allow-list of webhook hosts"),
        PORT("port not allowed", "The URL's port is not allowed for webhooks"),
        /** Resolves to a refused address, or does not resolve: told apart, they would map internal names. */
        ADDRESS("address not allowed", "The URL's host does not resolve to an address allowed for webhooks");

        /** For a delivery's {@code last_error}: {@code refused: …}. */
        final String words;
        /** For the 422 answer to a registration. */
        final String detail;

        Reason(String words, String detail) {
            this.words = words;
            this.detail = detail;
        }
    }

    final Reason reason;

    TargetRefused(Reason reason) {
        super(reason.words, null, false, false);
        this.reason = reason;
    }
}
