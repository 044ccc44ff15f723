package com.example.dokuemulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults configured at start ({@code emulator.startup.*}) are in force at once and again after a reset. */
@QuarkusTest
@TestProfile(StartupFaultsTest.ScriptedAtStart.class)
class StartupFaultsTest {

    public static class ScriptedAtStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "emulator.startup.faults.CHARGE", "HTTP_503,HTTP_429",
                    "emulator.startup.retry-after", "4",
                    "emulator.startup.chaos.rate", "0.25",
                    "emulator.startup.chaos.seed", "99",
                    "emulator.startup.chaos.operations", "REFUND");
        }
    }

    @Test
    void theConfiguredFaultsAnswerTheFirstRequestsAndComeBackAfterAReset() {
        for (int round = 0; round < 2; round++) {
            given().post("/control/reset").then().statusCode(204);
            given().get("/control/chaos").then().statusCode(200)
                    .body("seed", equalTo(99)).body("rate", equalTo(0.25f)).body("operations", contains("REFUND"));
            Merchant.post("/credit-card/charge", "{}").statusCode(503).header("Retry-After", "4");
            Merchant.post("/credit-card/charge", "{}").statusCode(429);
            Merchant.post("/credit-card/charge", "{}").statusCode(400);
        }
    }
}
