package com.example.gateway.token;

import com.example.gateway.support.DerivedKeys;
import com.example.gateway.support.KeyPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the customer id DOKU is sent for a client's customer: {@code gw1-} and 40 hex digits of
 * HMAC-SHA256, under a key of its own, over the client's name and the customer id. No client can produce
 * another's (it would need the key, and the client name is not the caller's to choose), and 44
 * characters of [0-9a-z-] fit DOKU's 50. Used once per customer: {@link SavedCardBindings} stores the
 * result, so a later master key changes no customer's id.
 */
@ApplicationScoped
class ProviderCustomerIds {

    static final String PREFIX = "gw1-";
    /** 160 bits of the MAC: no two customers meet by chance, and the id stays within DOKU's 50 characters. */
    private static final int MAC_BYTES = 20;

    private final SecretKeySpec key;

    ProviderCustomerIds(DerivedKeys keys) {
        this.key = new SecretKeySpec(keys.key(KeyPurpose.DOKU_CUSTOMER_ID), "HmacSHA256");
    }

    String derive(String client, String customerId) {
        byte[] clientBytes = client.getBytes(StandardCharsets.UTF_8);
        byte[] customerBytes = customerId.getBytes(StandardCharsets.UTF_8);
        // The client's length first, so that ("ab", "c") and ("a", "bc") are different inputs.
        byte[] input = ByteBuffer.allocate(Integer.BYTES + clientBytes.length + customerBytes.length)
                .putInt(clientBytes.length).put(clientBytes).put(customerBytes).array();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(input), 0, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
