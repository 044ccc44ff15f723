package com.example.gateway.doku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends one {@link DokuCall} and turns the answer into a {@link DokuAnswer} or a {@link DokuException}.
 * Retries (same Request-Id, fresh timestamp and signature) and the circuit breaker are declared here
 * and tuned per environment in application.properties.
 */
@ApplicationScoped
@Retry(maxRetries = 3, delay = 200, jitter = 100, maxDuration = 30_000, retryOn = DokuTransientException.class)
@ExponentialBackoff(factor = 2, maxDelay = 2000)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
        failOn = DokuTransientException.class)
class DokuTransport {

    private final DokuHttp http;
    private final DokuSigner signer;
    private final Clock clock;
    private final ObjectMapper json;
    private final DokuCallMetrics metrics;
    private final String baseUrl;
    private final String basePath;

    DokuTransport(@RestClient DokuHttp http, DokuSigner signer, Clock clock, ObjectMapper json,
            DokuCallMetrics metrics, DokuConfig config) {
        this.http = http;
        this.signer = signer;
        this.clock = clock;
        this.json = json;
        this.metrics = metrics;
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
        // DOKU signs the path as the request carries it, so a base URL with a path prefix is part of it.
        this.basePath = URI.create(baseUrl).getPath();
    }

    Uni<DokuAnswer> exchange(DokuCall call) {
        String path = call.path();
        String timestamp = DokuSigner.timestamp(clock.instant());
        String signature = signer.sign(call.requestId(), timestamp, basePath + path, call.body());
        String url = baseUrl + path;
        Timer.Sample sample = metrics.start();
        Uni<Response> response = call.body() == null
                ? http.get(url, signer.clientId(), call.requestId(), timestamp, signature)
                : http.post(url, signer.clientId(), call.requestId(), timestamp, signature, call.body());
        return response
                .onItem().transform(r -> toAnswer(call, r))
                .onFailure().transform(failure -> asDokuException(call, failure))
                .onItemOrFailure().invoke((answer, failure) -> sample.stop(metrics.timer(call.operation(), outcome(answer, failure))));
    }

    private DokuAnswer toAnswer(DokuCall call, Response response) {
        try (response) {
            int status = response.getStatus();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status >= 200 && status < 300) {
                return new DokuAnswer(body, false);
            }
            if (status == 409 && errorOf(body) == null) {
                return new DokuAnswer(body, true);
            }
            if (status == 429 || status == 503) {
                throw new DokuTransientException(call.operation(), "http_" + status, "HTTP " + status);
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
