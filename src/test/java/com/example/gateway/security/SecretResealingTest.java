package com.example.gateway.security;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.DerivedKeys;
import com.example.gateway.support.KnownKeys;
import com.example.gateway.support.SecretBox;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.Webhooks;
import com.example.gateway.webhook.SecretResealing;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A master key rotation: what the retired master sealed still opens, and the re-sealing job moves it to the new one. */
@QuarkusTest
@TestProfile(SecretResealingTest.AfterARotation.class)
class SecretResealingTest {

    static final String RETIRED_MASTER = "the-master-key-this-test-retires-00000";

    public static class AfterARotation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.keys.previous-masters", RETIRED_MASTER);
        }
    }

    @Inject
    SecretResealing resealing;
    @Inject
    SecretBox box;
    @Inject
    Pool pool;
    @Inject
    TestDatabase db;

    @AfterEach
    void forgetEndpoints() {
        Webhooks.deleteAll(ORDERS);
    }

    @Test
    void reSealsEverySecretTheRetiredMasterSealed() {
        Webhooks.Registered endpoint = Webhooks.register(ORDERS, "http://localhost:1/reseal-" + UUID.randomUUID());
        byte[] secret = Base64.getDecoder().decode(endpoint.secret().substring("whsec_".length()));
        String context = "webhook-endpoint:" + endpoint.id();
        SecretBox retired = new SecretBox(new KnownKeys(List.of(new DerivedKeys(RETIRED_MASTER))), null);
        pool.preparedQuery("UPDATE webhook_endpoints SET secret = $2, previous_secret = $3 WHERE id = $1")
                .execute(Tuple.of(endpoint.id(), retired.seal(secret, context), retired.seal(secret, context)))
                .await().indefinitely();

        assertEquals(2, resealing.runOnce().await().indefinitely());

        List<String> stored = db.column("SELECT secret FROM webhook_endpoints WHERE id = $1 "
                + "UNION ALL SELECT previous_secret FROM webhook_endpoints WHERE id = $1", endpoint.id());
        for (String value : stored) {
            assertTrue(box.isCurrent(value), "still sealed under the retired master");
            assertArrayEquals(secret, box.open(value, context));
        }
        assertEquals(0, resealing.runOnce().await().indefinitely(), "nothing left to re-seal");
    }
}
