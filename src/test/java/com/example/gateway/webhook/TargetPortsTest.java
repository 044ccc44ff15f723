package com.example.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetPortsTest {

    private static final Set<Integer> OWN = Set.of(8080, 8443, 9000);

    @Test
    void listedPortsAndRangesOnly() {
        TargetPorts ports = new TargetPorts(List.of("443", " 8000-8999 ", ""), 8080, OWN, Optional.empty());
        assertTrue(ports.permits(443, "/hooks"));
        assertTrue(ports.permits(8000, "/hooks"));
        assertTrue(ports.permits(8999, "/hooks"));
        assertFalse(ports.permits(80, "/hooks"));
        assertFalse(ports.permits(9001, "/hooks"));
    }

    @Test
    void theGatewaysOwnPortsNeverWhateverTheListSays() {
        TargetPorts ports = new TargetPorts(List.of("1-65535"), 8080, OWN, Optional.empty());
        assertFalse(ports.permits(8080, "/v1/payments"));
        assertFalse(ports.permits(8443, "/v1/payments"));
        assertFalse(ports.permits(9000, "/q/metrics"));
        assertTrue(ports.permits(9002, "/q/metrics"));
    }

    @Test
    void theDevInboxIsTheOneTargetOnTheApiPort() {
        TargetPorts ports = new TargetPorts(List.of("1-65535"), 8080, OWN, Optional.of(DevWebhookInbox.RECEIVE_PATH));
        assertTrue(ports.permits(8080, DevWebhookInbox.RECEIVE_PATH));
        assertFalse(ports.permits(8080, "/v1/payments"));
        assertFalse(ports.permits(9000, DevWebhookInbox.RECEIVE_PATH), "on the API port only");
    }

    @Test
    void aMalformedPortFailsTheStart() {
        for (String bad : List.of("0", "65536", "https", "9000-80", "1-", "-1")) {
            assertThrows(IllegalArgumentException.class, () -> new TargetPorts(List.of(bad), 8080, OWN, Optional.empty()), bad);
        }
    }
}
