package com.example.gateway.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks every RestAssured exchange with the gateway's API against the OpenAPI document the gateway
 * itself serves at {@code /q/openapi} (loaded once per server), so that the document cannot drift
 * from the wire. {@link OpenApiContractCallback} installs it for every {@code @QuarkusTest}.
 *
 * <ul>
 * <li>The response must always match the document: a status the operation documents, its media type
 * and its schema (for an error, the problem schema).
 * <li>The request must match too, unless the gateway refused it with a 4xx. Tests that send broken
 * requests on purpose (a bad field, no API key, a bad {@code Idempotency-Key}) thereby still have the
 * refusal checked, while a request the document calls invalid that the gateway accepts, or answers
 * with a 5xx, fails the test: then the document or the gateway is wrong.
 * <li>Only {@code /v1/**} is the API. The DOKU emulator ({@code /doku-emulator/**}) and {@code /q/**}
 * (the document itself; health and metrics on the management port) are not checked. Requests sent
 * over raw sockets ({@link RawHttp}) do not pass through RestAssured at all.
 * </ul>
 */
public final class OpenApiContract implements Filter {

    private static final Map<String, OpenApiInteractionValidator> DOCUMENTS = new ConcurrentHashMap<>();

    @Override
    public Response filter(FilterableRequestSpecification requestSpec, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(requestSpec, responseSpec);
        Request request = RestAssuredRequest.of(requestSpec);
        if (!request.getPath().startsWith("/v1/")) {
            return response;
        }
        OpenApiInteractionValidator document = DOCUMENTS.computeIfAbsent(
                requestSpec.getBaseUri() + ":" + requestSpec.getPort(),
                server -> OpenApiInteractionValidator.createForSpecificationUrl(server + "/q/openapi?format=json").build());
        ValidationReport report = document.validateResponse(request.getPath(), request.getMethod(),
                RestAssuredResponse.of(response));
        boolean refused = response.statusCode() >= 400 && response.statusCode() < 500;
        if (!refused) {
            report = document.validateRequest(request).merge(report);
        }
        if (report.hasErrors()) {
            throw new AssertionError("Not as /q/openapi documents it: " + request.getMethod() + " " + request.getPath()
                    + " -> " + response.statusCode() + " " + response.asString() + "\n" + report.getMessages().stream()
                            .map(m -> "  " + m.getKey() + ": " + m.getMessage() + " " + m.getAdditionalInfo())
                            .collect(Collectors.joining("\n")));
        }
        return response;
    }
}
