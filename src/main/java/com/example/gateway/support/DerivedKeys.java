package com.example.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The keys derived from one master key: HKDF-SHA256 (RFC 5869, Bouncy Castle's implementation rather
 * than our own) with a fixed salt and one label per {@link KeyPurpose}. The master itself is used for
 * nothing else, and is never the DOKU secret (production refuses to start if it is).
 */
public final class DerivedKeys {

    /** The shortest master accepted: 32 characters, i.e. at least 256 bits if drawn at random. */
    public static final int MIN_MASTER_LENGTH = 32;

    private static final byte[] SALT = "doku-card-gateway/hkdf-salt/v1".getBytes(StandardCharsets.UTF_8);
    private static final int KEY_BYTES = 32;

    private final byte[] master;
    private final String keyId;

    public DerivedKeys(String master) {
        if (master == null || master.length() < MIN_MASTER_LENGTH) {
            throw new IllegalArgumentException("a master key needs at least " + MIN_MASTER_LENGTH + " characters");
        }
        this.master = master.getBytes(StandardCharsets.UTF_8);
        this.keyId = HexFormat.of().formatHex(key(KeyPurpose.KEY_ID), 0, 6);
    }

    /** The 256-bit key of {@code purpose}; the same master always gives the same key. */
    public byte[] key(KeyPurpose purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(master, SALT, purpose.info()));
        byte[] key = new byte[KEY_BYTES];
        hkdf.generateBytes(key, 0, KEY_BYTES);
        return key;
    }

    /** A short public name of the master (12 hex digits of a key of its own), stored with what it sealed. */
    public String keyId() {
        return keyId;
    }
}
