package com.example.gateway.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
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
 * outcome is an {@link Attempt}, and none names an address.
 */
@ApplicationScoped
class WebhookSender {

    private final WebClient client;
    private final Duration timeout;
    private final WebhookTargets targets;

    WebhookSender(Vertx vertx, WebhookConfig config, WebhookTargets targets) {
        this.timeout = config.requestTimeout();
        this.targets = targets;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis())
                .setUserAgent("doku-card-gateway-webhooks/1"));
    }

    Uni<Attempt> send(String url, String webhookId, long timestamp, String signature, byte[] body) {
        return targets.vet(URI.create(url))
                .chain(vetted -> post(vetted, webhookId, timestamp, signature, body))
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(WebhookSender::noAnswer);
    }

    private Uni<Attempt> post(WebhookTargets.Vetted target, String webhookId, long timestamp, String signature, byte[] body) {
        return client.requestAbs(HttpMethod.POST, SocketAddress.inetSocketAddress(target.address()), target.url().toString())
                .timeout(timeout.toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature)
                .as(BodyCodec.none())
                .sendBuffer(Buffer.buffer(body))
                .map(response -> Attempt.answered(response.statusCode(), response.getHeader("Retry-After")));
    }

    /**
     * Why no answer came, by kind only: the messages of connection failures name the host and the
     * address it resolved to, which would make {@code last_error} a scanner's readout.
     */
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
