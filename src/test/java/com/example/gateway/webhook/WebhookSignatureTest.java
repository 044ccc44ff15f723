package com.example.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's signatures are the Standard Webhooks reference library's, bytes for bytes. */
class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"data\":{\"note\":\"Rp 90.000 – lunas ✓\"}}";

    @Test
    void oneSignaturePerKeyEachAsTheReferenceLibrarySignsAndVerifies() throws Exception {
        SigningSecret current = SigningSecret.random();
        SigningSecret previous = SigningSecret.random();
        long now = System.currentTimeMillis() / 1000;
        String header = WebhookSignature.header("evt_1", now, BODY.getBytes(StandardCharsets.UTF_8),
                List.of(current.key(), previous.key()));

        String[] signatures = header.split(" ");
        assertEquals(new Webhook(current.shown()).sign("evt_1", now, BODY), signatures[0]);
        assertEquals(new Webhook(previous.shown()).sign("evt_1", now, BODY), signatures[1]);
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("evt_1"),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(header));
        new Webhook(current.shown()).verify(BODY, headers);
        new Webhook(previous.shown()).verify(BODY, headers);
    }
}
