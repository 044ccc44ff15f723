package com.example.gateway.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged jar, production profile: settings that are present but wrong stop it in one line. */
@QuarkusTest
class ProductionSettingsIT {

    private static final String DOKU_SECRET = "a-doku-secret-long-enough-to-be-a-master-too";

    @Test
    void aMasterKeyThatIsTheDokuSecretStopsTheStart() {
        String output = PackagedGateway.refusal(Map.of("DOKU_SECRET_KEY", DOKU_SECRET, "GATEWAY_MASTER_KEY", DOKU_SECRET));
        assertTrue(output.contains("refusing to start, invalid configuration: "
                + "GATEWAY_MASTER_KEY must not be the DOKU secret key"), output);
        assertFalse(output.contains(DOKU_SECRET), "the refusal shows no secret");
    }

    @Test
    void aPlainHttpDokuUrlAGuessableApiKeyAndAKeyWithoutANameStopTheStart() {
        String output = PackagedGateway.refusal(Map.of("DOKU_BASE_URL", "http://api-sandbox.doku.com",
                "GATEWAY_API_KEYS", "orders:x,subscriptions"));
        assertTrue(output.contains("DOKU_BASE_URL must be an https URL"), output);
        assertTrue(output.contains("GATEWAY_API_KEYS: entry 2 is not name:key"), output);
        assertFalse(output.contains("orders:x"), "the refusal shows no key");
    }
}
