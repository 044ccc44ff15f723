package com.example.gateway.webhook;

import com.example.gateway.payment.EventType;
import java.net.URI;
import java.util.Set;

/** A valid request for an endpoint: an absolute http(s) URL, and the event types it wants (null: all). */
public record NewWebhookEndpoint(URI url, Set<EventType> eventTypes) {
}
