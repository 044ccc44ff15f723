package com.example.gateway.webhook;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;

/**
 * Sends one signed delivery over Vert.x's non-blocking web client: the exact bytes that were signed,
 * no redirects followed (they could lead off the allow-list), the receiver's body discarded unread, and
 * the whole exchange bounded by the request timeout. The URL is vetted again at each attempt (the
 * settings may have narrowed, the name may resolve elsewhere now) and the connection goes to the very
 * address that was vetted; the Host header and TLS server name stay the URL's. Never fails: every
 * outcome is an {@link Attempt}, and none names an address. Each attempt is one CLIENT span whose
 * context goes out as {@code traceparent}; the span names the receiver's host only (a webhook URL's
 * path or query may carry a token).
 */
@ApplicationScoped
class WebhookSender {

    private final WebClient client;
    private final Duration timeout;
    private final WebhookTargets targets;
    private final Tracer tracer;
    private final OpenTelemetry telemetry;

    WebhookSender(Vertx vertx, WebhookConfig config, WebhookTargets targets, Tracer tracer, OpenTelemetry telemetry) {
        this.timeout = config.requestTimeout();
        this.targets = targets;
        this.tracer = tracer;
        this.telemetry = telemetry;
        this.client = WebClient.create(vertx, new WebClientOptions()
                // Traced by the span below: Vert.x's own client span would record the full URL.
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis())
                .setUserAgent("doku-card-gateway-webhooks/1"));
    }

    Uni<Attempt> send(String url, String webhookId, long timestamp, String signature, byte[] body) {
        Span span = tracer.spanBuilder("webhook POST").setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "POST")
                .setAttribute("server.address", URI.create(url).getHost())
                .setAttribute("webhook.id", webhookId)
                .startSpan();
        return targets.vet(URI.create(url))
                .chain(vetted -> post(vetted, span, webhookId, timestamp, signature, body))
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(WebhookSender::noAnswer)
                .invoke(attempt -> end(span, attempt))
                .onCancellation().invoke(span::end);
    }

    private Uni<Attempt> post(WebhookTargets.Vetted target, Span span, String webhookId, long timestamp,
            String signature, byte[] body) {
        HttpRequest<Void> request = client.requestAbs(HttpMethod.POST, SocketAddress.inetSocketAddress(target.address()),
                        target.url().toString())
                .timeout(timeout.toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature)
                .as(BodyCodec.none());
        telemetry.getPropagators().getTextMapPropagator()
                .inject(Context.current().with(span), request, (r, name, value) -> r.putHeader(name, value));
        return request.sendBuffer(Buffer.buffer(body))
                .map(response -> Attempt.answered(response.statusCode(), response.getHeader("Retry-After")));
    }

    private static void end(Span span, Attempt attempt) {
        if (attempt.status() != null) {
            span.setAttribute("http.response.status_code", attempt.status());
        }
        if (!attempt.delivered()) {
            span.setStatus(StatusCode.ERROR, attempt.error() == null ? "HTTP " + attempt.status() : attempt.error());
        }
        span.end();
    }

    private static Attempt noAnswer(Throwable failure) {
        if (failure instanceof TargetRefused refused) {
            return Attempt.failed("refused: " + refused.reason.words);
        }
        // Mutiny's, Vert.x's request and Netty's connect timeouts all name themselves so.
        return Attempt.failed(failure.getClass().getSimpleName().contains("Timeout")
                ? "timeout: no answer within the request timeout"
                : "no answer: " + failure.getClass().getSimpleName());
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
