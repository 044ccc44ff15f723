package com.example.gateway.webhook;

import com.example.gateway.support.DomainException;

/** No webhook endpoint with this id belongs to the client (another client's is not found either). */
public class WebhookEndpointNotFound extends DomainException {

    public WebhookEndpointNotFound() {
        super("Webhook endpoint not found", "No webhook endpoint with this id for this client");
    }
}
