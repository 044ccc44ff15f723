package com.example.gateway.doku;

import com.example.gateway.support.RetryAfter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends one {@link DokuCall} and turns the answer into a {@link DokuAnswer} or a {@link DokuException}.
 * Retries (same Request-Id, fresh timestamp and signature) are declared here and tuned per environment
 * in application.properties; the circuit breakers ({@link DokuBreakers}) sit outside them and see only
 * the outcome after the last retry. On top of our backoff, an attempt never goes
 * out before the time a 429 or 503 asked for in Retry-After; asked to wait longer than we may, the
 * call ends without another attempt. An answer whose signature does not verify is treated as lost.
 */
@ApplicationScoped
@Retry(maxRetries = 3, delay = 200, jitter = 100, maxDuration = DokuTransport.RETRY_BUDGET_MILLIS,
        retryOn = DokuTransientException.class, abortOn = DokuRetryAfterTooLongException.class)
@ExponentialBackoff(factor = 2, maxDelay = 2000)
class DokuTransport {

    /** The retry budget ({@code maxDuration}): a Retry-After beyond what is left of it is not waited for. */
    static final long RETRY_BUDGET_MILLIS = 30_000;

    private final DokuHttp http;
    private final DokuSigner signer;
    /** DOKU's time (signing, Retry-After dates), not necessarily the gateway's: see DokuTime. */
    private final DokuTime clock;
    private final ObjectMapper json;
    private final DokuCallMetrics metrics;
    private final ResponseSignatureCheck signatureCheck;
    private final Duration retryAfterMax;
    private final String baseUrl;
    private final String basePath;

    DokuTransport(@RestClient DokuHttp http, DokuSigner signer, DokuTime clock, ObjectMapper json,
            DokuCallMetrics metrics, ResponseSignatureCheck signatureCheck, DokuConfig config) {
        this.http = http;
        this.signer = signer;
        this.clock = clock;
        this.json = json;
        this.metrics = metrics;
        this.signatureCheck = signatureCheck;
        this.retryAfterMax = config.retryAfterMax();
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
        // DOKU signs the path as the request carries it, so a base URL with a path prefix is part of it.
        this.basePath = URI.create(baseUrl).getPath();
    }

    Uni<DokuAnswer> exchange(DokuCall call) {
        return pause(call.waitBeforeNextAttempt(clock.instant())).chain(() -> attempt(call));
    }

    private Uni<DokuAnswer> attempt(DokuCall call) {
        call.attemptStarting(clock.instant());
        String path = call.path();
        String target = basePath + path;
        String timestamp = DokuSigner.timestamp(clock.instant());
        String signature = signer.sign(call.requestId(), timestamp, target, call.body());
        String url = baseUrl + path;
        Timer.Sample sample = metrics.start();
        long started = System.nanoTime();
        Uni<Response> response = call.body() == null
                ? http.get(url, signer.clientId(), call.requestId(), timestamp, signature)
                : http.post(url, signer.clientId(), call.requestId(), timestamp, signature, call.body());
        return response
                .onItem().transform(r -> toAnswer(call, target, r))
                .onFailure().transform(failure -> asDokuException(call, failure))
                .onItemOrFailure().invoke((answer, failure) -> {
                    call.attemptTook(System.nanoTime() - started);
                    sample.stop(metrics.timer(call.operation(), outcome(answer, failure)));
                });
    }

    /**
     * Waits on the caller's Vert.x context (where the reactive database session lives), so that the
     * attempt and its answer continue there.
     */
    private static Uni<Void> pause(Duration wait) {
        if (wait.isZero()) {
            return Uni.createFrom().voidItem();
        }
        // Rounded up: waking a fraction of a millisecond early would be before the time DOKU asked for.
        long millis = Math.max(1, (wait.toNanos() + 999_999) / 1_000_000);
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(millis));
        }
        return Uni.createFrom().emitter(emitter ->
                context.owner().setTimer(millis, id -> context.runOnContext(ignored -> emitter.complete(null))));
    }

    private DokuAnswer toAnswer(DokuCall call, String target, Response response) {
        try (response) {
            int status = response.getStatus();
            byte[] bytes = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            if (signatureCheck.check(call.requestId(), target, response, bytes) == ResponseSignatureCheck.Verdict.INVALID) {
                // Not DOKU's word, so as good as no answer: DOKU may still have acted on the request.
                call.markPossiblyDelivered();
                throw new DokuTransientException(call.operation(), "bad_signature", "answer signature does not verify");
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            if (status >= 200 && status < 300) {
                return new DokuAnswer(body, false);
            }
            if (status == 409 && errorOf(body) == null) {
                return new DokuAnswer(body, true);
            }
            if (status == 429 || status == 503) {
                throw busy(call, status, response.getHeaderString("Retry-After"));
            }
            if (status >= 500) {
                // Other 5xx (500, 502, 504 from a proxy) may follow processing.
                call.markPossiblyDelivered();
                throw new DokuTransientException(call.operation(), "http_5xx", "HTTP " + status);
            }
            JsonNode error = errorOf(body);
            throw new DokuRejectedException(call.operation(), status,
                    error == null ? "HTTP_" + status : error.path("code").asText("HTTP_" + status),
                    error == null ? "" : error.path("message").asText(""));
        }
    }

    /** DOKU did not take the request; it may say (Retry-After) when to come back. */
    private DokuTransientException busy(DokuCall call, int status, String retryAfterHeader) {
        Instant now = clock.instant();
        Optional<Duration> retryAfter = RetryAfter.parse(retryAfterHeader, now);
        if (retryAfter.isEmpty()) {
            return new DokuTransientException(call.operation(), "http_" + status, "HTTP " + status);
        }
        Duration budgetLeft = Duration.ofMillis(RETRY_BUDGET_MILLIS).minus(call.elapsed(now));
        if (retryAfter.get().compareTo(retryAfterMax) > 0 || retryAfter.get().compareTo(budgetLeft) > 0) {
            return new DokuRetryAfterTooLongException(call.operation(), status, retryAfter.get());
        }
        call.notBefore(now.plus(retryAfter.get()));
        return new DokuTransientException(call.operation(), "http_" + status,
                "HTTP " + status + ", Retry-After " + retryAfter.get().toMillis() + " ms");
    }

    private JsonNode errorOf(String body) {
        try {
            JsonNode error = json.readTree(body).get("error");
            return error != null && error.isObject() ? error : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static DokuException asDokuException(DokuCall call, Throwable failure) {
        if (failure instanceof DokuException known) {
            return known;
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)) {
            return new DokuTransientException(call.operation(), "connect_error", "could not connect");
        }
        // The request may have been written before the timeout or the cut: DOKU may have acted.
        call.markPossiblyDelivered();
        return new DokuTransientException(call.operation(), "no_answer",
                "no answer (" + failure.getClass().getSimpleName() + ")");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String outcome(DokuAnswer answer, Throwable failure) {
        if (failure == null) {
            return answer.replayed() ? "replayed" : "success";
        }
        if (failure instanceof DokuTransientException transientFailure) {
            return transientFailure.outcome();
        }
        return "rejected";
    }

}
