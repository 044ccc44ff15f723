package com.example.gateway.webhook;

import com.example.gateway.support.DomainException;

/** No webhook delivery with this id belongs to the client (another client's is not found either). */
public class WebhookDeliveryNotFound extends DomainException {

    public WebhookDeliveryNotFound() {
        super("Webhook delivery not found", "No webhook delivery with this id for this client");
    }
}
