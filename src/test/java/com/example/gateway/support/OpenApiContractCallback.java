package com.example.gateway.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/** Installs {@link OpenApiContract} as a global RestAssured filter before each {@code @QuarkusTest} method. */
public class OpenApiContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(OpenApiContract.class::isInstance)) {
            RestAssured.filters(new OpenApiContract());
        }
    }
}
