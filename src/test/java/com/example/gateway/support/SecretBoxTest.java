package com.example.gateway.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final DerivedKeys OLD = new DerivedKeys("the-master-key-before-the-rotation-000");
    private static final DerivedKeys NEW = new DerivedKeys("the-master-key-after-the-rotation-0000");

    private final SecretBox box = new SecretBox(new KnownKeys(List.of(OLD)), null);
    private final byte[] secret = "whsec_c2VjcmV0".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedForTheSameContextOnly() {
        String sealed = box.seal(secret, "webhook-endpoint:we_1");
        assertTrue(SecretBox.isSealed(sealed));
        assertTrue(sealed.startsWith("sealed:v2:" + OLD.keyId() + ":"), "names the master that sealed it");
        assertFalse(sealed.contains("c2VjcmV0"));
        assertNotEquals(sealed, box.seal(secret, "webhook-endpoint:we_1"), "a fresh nonce each time");
        assertArrayEquals(secret, box.open(sealed, "webhook-endpoint:we_1"));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "webhook-endpoint:we_2"), "moved to another row");
        assertThrows(IllegalStateException.class,
                () -> new SecretBox(new KnownKeys(List.of(NEW)), null).open(sealed, "webhook-endpoint:we_1"),
                "a master that is not configured opens nothing");
        assertFalse(SecretBox.isSealed("{\"id\":\"pay_1\"}"));
    }

    @Test
    void afterARotationOpensWhatThePreviousMasterSealedAndReSealsItUnderTheNewOne() {
        String sealedBefore = box.seal(secret, "webhook-endpoint:we_1");
        SecretBox rotated = new SecretBox(new KnownKeys(List.of(NEW, OLD)), null);

        assertFalse(rotated.isCurrent(sealedBefore));
        assertArrayEquals(secret, rotated.open(sealedBefore, "webhook-endpoint:we_1"));
        String resealed = rotated.reseal(sealedBefore, "webhook-endpoint:we_1");
        assertTrue(rotated.isCurrent(resealed));
        assertEquals(resealed, rotated.reseal(resealed, "webhook-endpoint:we_1"), "a current value is left as it is");
        assertArrayEquals(secret, new SecretBox(new KnownKeys(List.of(NEW)), null).open(resealed, "webhook-endpoint:we_1"),
                "once re-sealed, the old master can be removed");
    }

    @Test
    void opensAValueSealedBeforeMasterKeysOnlyWithTheLegacyKeyConfigured() throws Exception {
        String legacy = legacySeal("the former GATEWAY_WEBHOOK_SECRET_KEY", secret, "webhook-endpoint:we_1");

        assertThrows(IllegalStateException.class, () -> box.open(legacy, "webhook-endpoint:we_1"));
        SecretBox upgrading = new SecretBox(new KnownKeys(List.of(NEW)), "the former GATEWAY_WEBHOOK_SECRET_KEY");
        assertArrayEquals(secret, upgrading.open(legacy, "webhook-endpoint:we_1"));
        assertTrue(upgrading.isCurrent(upgrading.reseal(legacy, "webhook-endpoint:we_1")));
    }

    /** How the secret box sealed before master keys (v1), written out here so that the test does not use the code it checks. */
    private static String legacySeal(String keyMaterial, byte[] plain, String context) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keyMaterial.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] key = mac.doFinal("doku-card-gateway secret box v1".getBytes(StandardCharsets.UTF_8));
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plain);
        byte[] all = new byte[nonce.length + sealed.length];
        System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
        return "sealed:v1:" + Base64.getEncoder().encodeToString(all);
    }

}
