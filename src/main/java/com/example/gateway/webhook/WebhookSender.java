package com.example.gateway.webhook;

import com.example.gateway.support.LogSafe;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;

/**
 * Sends one signed delivery over Vert.x's non-blocking web client: the exact bytes that were signed,
 * no redirects followed (they could lead off the allow-list), the receiver's body discarded unread, and
 * the whole exchange bounded by the request timeout. Never fails: every outcome is an {@link Attempt}.
 */
@ApplicationScoped
class WebhookSender {

    private final WebClient client;
    private final Duration timeout;
    private final AllowedHosts allowedHosts;

    WebhookSender(Vertx vertx, WebhookConfig config, AllowedHosts allowedHosts) {
        this.timeout = config.requestTimeout();
        this.allowedHosts = allowedHosts;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis())
                .setUserAgent("doku-card-gateway-webhooks/1"));
    }

    Uni<Attempt> send(String url, String webhookId, long timestamp, String signature, byte[] body) {
        // Checked again at each attempt: the allow-list may have been narrowed since the endpoint was registered.
        if (!allowedHosts.permits(URI.create(url))) {
            return Uni.createFrom().item(Attempt.failed("not allowed: the host is no longer on the allow-list"));
        }
        return client.postAbs(url)
                .timeout(timeout.toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature)
                .as(BodyCodec.none())
                .sendBuffer(Buffer.buffer(body))
                .map(response -> Attempt.answered(response.statusCode(), response.getHeader("Retry-After")))
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(WebhookSender::noAnswer);
    }

    private static Attempt noAnswer(Throwable failure) {
        // Mutiny's, Vert.x's request and Netty's connect timeouts all name themselves so.
        return Attempt.failed(failure.getClass().getSimpleName().contains("Timeout")
                ? "timeout: no answer within the request timeout"
                : "no answer: " + LogSafe.of(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
