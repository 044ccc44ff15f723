package com.example.gateway.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets for storage (AES-256-GCM) under the master key's {@link KeyPurpose#SECRET_BOX}
 * key, so that a reader of the database alone can neither read nor use them. Each sealed value names
 * the master that sealed it ({@code sealed:v2:<key id>:…}), so a rotation can still open what the
 * previous master sealed and re-seal it ({@link #isCurrent}). Each value is also bound to a context (the
 * row it belongs to): moved to another row, it no longer opens.
 */
public final class SecretBox {

    private static final String PREFIX = "sealed:";
    private static final String V2 = PREFIX + "v2:";
    /** Before master keys: one key derived with HMAC from configuration text (see {@link KeyConfig#legacySecretBoxKey}). */
    private static final String V1 = PREFIX + "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keysById = new LinkedHashMap<>();
    private final SecretKeySpec legacy;

    /** @param legacyKeyMaterial the configuration text v1 values were sealed under, or null if there are none */
    public SecretBox(KnownKeys keys, String legacyKeyMaterial) {
        this.currentId = keys.current().keyId();
        keys.all().forEach(k -> keysById.putIfAbsent(k.keyId(), new SecretKeySpec(k.key(KeyPurpose.SECRET_BOX), "AES")));
        this.legacy = legacyKeyMaterial == null ? null : new SecretKeySpec(legacyKey(legacyKeyMaterial), "AES");
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Sealed under the current master: nothing to re-seal. */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(V2 + currentId + ":");
    }

    public String seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keysById.get(currentId), nonce, context, plain);
        return V2 + currentId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /** @throws IllegalStateException if no known key sealed it for this context */
    public byte[] open(String stored, String context) {
        if (stored != null && stored.startsWith(V2)) {
            int colon = stored.indexOf(':', V2.length());
            SecretKeySpec key = colon < 0 ? null : keysById.get(stored.substring(V2.length(), colon));
            if (key == null) {
                throw new IllegalStateException("sealed under a master key that is not configured");
            }
            return open(key, stored.substring(colon + 1), context);
        }
        if (stored != null && stored.startsWith(V1) && legacy != null) {
            return open(legacy, stored.substring(V1.length()), context);
        }
        throw new IllegalStateException("not a sealed value this gateway can open");
    }

    /** The same secret sealed under the current master (unchanged if it already is). */
    public String reseal(String stored, String context) {
        return isCurrent(stored) ? stored : seal(open(stored, context), context);
    }

    private static byte[] open(SecretKeySpec key, String encoded, String context) {
        byte[] all = Base64.getDecoder().decode(encoded);
        byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return crypt(Cipher.DECRYPT_MODE, key, nonce, context, sealed);
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // Never the value itself in the message.
            throw new IllegalStateException("a sealed value did not open: wrong key or context", e);
        }
    }

    /** How v1 derived its key; kept only to open (and re-seal) what v1 sealed. */
    private static byte[] legacyKey(String keyMaterial) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyMaterial.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("doku-card-gateway secret box v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
