package com.example.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final byte[] KEY = "a 32-byte key for this unit test".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"amount\": 1000}".getBytes(StandardCharsets.UTF_8);

    @Test
    void coversMethodPathAndBody() {
        String fingerprint = IdempotencyKeys.fingerprint(KEY, "POST", "/v1/payments/pay_1/refunds", BODY);
        assertEquals(fingerprint, IdempotencyKeys.fingerprint(KEY, "POST", "/v1/payments/pay_1/refunds", BODY));
        assertNotEquals(fingerprint, IdempotencyKeys.fingerprint(KEY, "PUT", "/v1/payments/pay_1/refunds", BODY));
        assertNotEquals(fingerprint, IdempotencyKeys.fingerprint(KEY, "POST", "/v1/payments/pay_2/refunds", BODY));
        assertNotEquals(fingerprint, IdempotencyKeys.fingerprint(KEY, "POST", "/v1/payments/pay_1/refunds",
                "{\"amount\": 1001}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void isNoPlainMacOfTheBodyUnderTheSameKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        assertNotEquals(HexFormat.of().formatHex(mac.doFinal(BODY)),
                IdempotencyKeys.fingerprint(KEY, "POST", "/v1/payments/pay_1/refunds", BODY),
                "a label and the request line come before the body");
    }
}
