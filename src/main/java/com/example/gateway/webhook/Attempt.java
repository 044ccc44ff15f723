package com.example.gateway.webhook;

import com.example.gateway.support.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What one attempt to deliver came to: the receiver's HTTP status (and Retry-After), or why none came. */
record Attempt(Integer status, String retryAfter, String error) {

    static Attempt answered(int status, String retryAfter) {
        return new Attempt(status, retryAfter, null);
    }

    static Attempt failed(String error) {
        return new Attempt(null, null, error);
    }

    /** Only a 2xx delivers. */
    boolean delivered() {
        return status != null && status >= 200 && status < 300;
    }

    /** 410 Gone: the receiver wants no more; its endpoint is disabled. */
    boolean gone() {
        return status != null && status == 410;
    }

    /** A 429 or 503 says when to come back. */
    Optional<Duration> retryAfter(Instant now) {
        boolean asksToWait = status != null && (status == 429 || status == 503);
        return asksToWait ? RetryAfter.parse(retryAfter, now) : Optional.empty();
    }

    /** The metric tag: the status class, 410 and 429 on their own, or why no answer came. */
    String result() {
        if (status == null) {
            // Each error names its kind first: "timeout: …", "no answer: …", "refused: …", "not signed: …".
            return error.substring(0, error.indexOf(':')).replace(' ', '_');
        }
        return status == 410 || status == 429 ? Integer.toString(status) : status / 100 + "xx";
    }

    /** For the delivery's {@code last_error}: never the receiver's body, which is not read. */
    String describe() {
        return status == null ? error : delivered() ? null : "HTTP " + status;
    }
}
