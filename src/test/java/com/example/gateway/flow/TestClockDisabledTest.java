package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import com.example.gateway.support.RawHttp;
import com.example.gateway.support.TestPorts;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the test clock is not enabled (production's default), its paths do not exist. */
@QuarkusTest
@TestProfile(TestClockDisabledTest.Disabled.class)
class TestClockDisabledTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.test-clock.enabled", "false");
        }
    }

    @Test
    void everyTestClockPathAnswersAsAnAbsentPathDoes() {
        // A path that does not exist is in no contract, so it is asked outside the contract's validation.
        RawHttp.Answer absent = RawHttp.send(TestPorts.api(), "GET", "/v1/no-such-thing",
                List.of("Authorization: Bearer " + ORDERS), null);
        assertEquals(404, absent.status());
        Map<String, Object> absentBody = new JsonPath(absent.bodyText()).getMap("");
        assertEquals("not_found", absentBody.get("code"));

        for (Response answer : new Response[] {
                as(ORDERS).get("/v1/test-clock"),
                as(ORDERS).body("{\"duration\": \"P7DT1H\"}").post("/v1/test-clock/advance"),
                as(ORDERS).body("{\"duration\": \"nonsense\"}").post("/v1/test-clock/advance"),
                as(ORDERS).post("/v1/test-clock/reset")}) {
            answer.then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not_found"));
            assertEquals(absentBody, answer.jsonPath().getMap(""), "the same answer as a path that does not exist");
        }
    }
}
