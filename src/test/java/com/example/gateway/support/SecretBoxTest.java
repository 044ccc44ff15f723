package com.example.gateway.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = boxOf("a master key from the configuration, 32+ chars");
    private final byte[] secret = "whsec_c2VjcmV0".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedForTheSameContextOnly() {
        String sealed = box.seal(secret, "webhook-endpoint:we_1");
        assertTrue(SecretBox.isSealed(sealed));
        assertFalse(sealed.contains("c2VjcmV0"));
        assertNotEquals(sealed, box.seal(secret, "webhook-endpoint:we_1"), "a fresh nonce each time");
        assertArrayEquals(secret, box.open(sealed, "webhook-endpoint:we_1"));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "webhook-endpoint:we_2"), "moved to another row");
        assertThrows(IllegalStateException.class, () -> boxOf("another master key from the configuration, 32+").open(sealed, "webhook-endpoint:we_1"));
        assertFalse(SecretBox.isSealed("{\"id\":\"pay_1\"}"));
    }

    private static SecretBox boxOf(String master) {
        return new SecretBox(new KnownKeys(List.of(new DerivedKeys(master))), null);
    }
}
