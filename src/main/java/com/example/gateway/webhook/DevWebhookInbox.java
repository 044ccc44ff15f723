package com.example.gateway.webhook;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Development only: a webhook receiver inside the gateway, so that a developer of another service sees
 * the events arrive while paying on the emulator's page. It registers itself as an endpoint of a client
 * (and so learns the secret, kept in memory only) and checks the signature of whatever it receives. The
 * production build holds no such bean.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class DevWebhookInbox {

    /** Where the inbox receives (DevWebhookInboxResource): the one webhook target on the gateway's own API port. */
    public static final String RECEIVE_PATH = "/dev/webhook-inbox/receive";

    private static final int KEPT = 100;

    /** A request as received, with the result of its signature check. */
    public record Delivery(Instant receivedAt, String webhookId, String timestamp, String signatureCheck, String body) {
    }

    private final WebhookEndpoints endpoints;
    private final Clock clock;
    /** The secrets of the endpoints registered for the inbox, by endpoint id. */
    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    private final Deque<Delivery> received = new ArrayDeque<>();

    DevWebhookInbox(WebhookEndpoints endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /** Registers {@code inboxUrl} as an endpoint of {@code client}, for every event type. */
    public Uni<WebhookEndpoint> register(String client, URI inboxUrl) {
        return endpoints.create(client, new NewWebhookEndpoint(inboxUrl, null)).invoke(created -> secrets.put(created.id(),
                Base64.getDecoder().decode(created.secret().substring(SigningSecret.PREFIX.length()))));
    }

    public void receive(String webhookId, String timestamp, String signature, byte[] body) {
        Delivery delivery = new Delivery(clock.instant(), webhookId, timestamp, check(webhookId, timestamp, signature, body),
                new String(body, StandardCharsets.UTF_8));
        synchronized (received) {
            received.addFirst(delivery);
            while (received.size() > KEPT) {
                received.removeLast();
            }
        }
    }

    /** Newest first. */
    public List<Delivery> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private String check(String webhookId, String timestamp, String signature, byte[] body) {
        if (webhookId == null || timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
            return "invalid: webhook-id, webhook-timestamp or webhook-signature missing or malformed";
        }
        if (secrets.isEmpty()) {
            return "not checked: no endpoint registered through this inbox";
        }
        boolean valid = secrets.values().stream().anyMatch(key ->
                WebhookSignature.isSignedWith(key, webhookId, Long.parseLong(timestamp), body, signature));
        return valid ? "valid" : "invalid: no secret of this inbox's endpoints signed it";
    }
}
