package com.example.gateway.api;

import com.example.gateway.payment.EventType;
import com.example.gateway.webhook.NewWebhookEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates {@code {"url": "https://…", "event_types": ["payment.succeeded", …]}}: every bad field at
 * once, unknown fields rejected. {@code event_types} absent or empty means every type (a generated client
 * sends {@code []} when its caller set none). Whether the URL's host is allowed is the domain's call (422), made only
 * once the request is otherwise valid.
 */
final class WebhookEndpointRequestReader {

    private static final List<String> TYPES = Arrays.stream(EventType.values()).map(EventType::wireName).toList();

    private WebhookEndpointRequestReader() {
    }

    static NewWebhookEndpoint read(JsonNode json) {
        JsonFieldReader body = JsonFieldReader.root(json, "url", "event_types");
        JsonFieldReader urlField = body.required("url");
        String text = urlField.text(1, 2048);
        URI url = text == null ? null : url(text);
        if (text != null && url == null) {
            urlField.reject("must be an absolute http(s) URL with a host, without user info or fragment");
        }
        List<String> types = body.field("event_types").arrayOrNone(element -> element.oneOf(TYPES,
                "must be one of " + String.join(", ", TYPES)));
        body.throwIfInvalid();
        Set<EventType> eventTypes = types == null ? null : new LinkedHashSet<>(types.stream().filter(Objects::nonNull)
                .map(name -> EventType.named(name).orElseThrow()).toList());
        return new NewWebhookEndpoint(url, eventTypes);
    }

    private static URI url(String text) {
        try {
            URI url = new URI(text);
            boolean web = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
            return web && url.getHost() != null && url.getRawUserInfo() == null && url.getRawFragment() == null
                    ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
