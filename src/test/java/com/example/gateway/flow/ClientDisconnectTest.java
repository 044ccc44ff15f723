package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.support.FreshEmulatorAndClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A caller that hangs up mid-charge does not leave the charge half-recorded. */
@QuarkusTest
@FreshEmulatorAndClock
class ClientDisconnectTest {

    @Inject
    EmulatorClient emulator;

    @Test
    void theChargeIsRecordedEvenWhenTheCallerGivesUp() {
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.DELAY);
        String invoice = newInvoice();
        RestAssuredConfig impatient = RestAssuredConfig.config().httpClient(
                HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 300));

        assertThrows(Exception.class, () -> as(ORDERS).config(impatient)
                .body(charge(invoice, 33000, "SALE", MoneyMovementTest.APPROVE)).post("/v1/payments"));

        await().atMost(Duration.ofSeconds(15)).until(
                () -> as(ORDERS).queryParam("invoice_number", invoice).get("/v1/payments").then()
                        .extract().<List<String>>path("items.status"),
                statuses -> statuses.equals(List.of("SUCCEEDED")));
    }
}
