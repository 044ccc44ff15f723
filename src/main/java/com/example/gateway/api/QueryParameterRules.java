package com.example.gateway.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every query parameter an endpoint declares is given at most once and never empty: JAX-RS hands a
 * resource the first of repeated values ({@code limit=10&limit=500}) and an empty string for
 * {@code limit=}, which the endpoints would read as "not given". Checked here, once for all endpoints,
 * before any of them runs; each bad parameter is named. Parameters an endpoint does not declare are
 * ignored, as before.
 */
public class QueryParameterRules {

    private final Map<Method, List<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response onceAndNotEmpty(UriInfo uri, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Map<String, List<String>> query = uri.getQueryParameters(true);
        List<FieldError> errors = new ArrayList<>();
        for (String name : declared.computeIfAbsent(method, QueryParameterRules::queryParameters)) {
            List<String> values = query.get(name);
            if (values == null) {
                continue;
            }
            if (values.size() > 1) {
                errors.add(new FieldError(name, "must be given at most once"));
            } else if (values.get(0) == null || values.get(0).isEmpty()) {
                errors.add(new FieldError(name, "must not be empty"));
            }
        }
        return errors.isEmpty() ? null : ProblemMapper.toResponse(Problem.validation(errors));
    }

    private static List<String> queryParameters(Method method) {
        return Arrays.stream(method.getParameters()).map(p -> p.getAnnotation(QueryParam.class))
                .filter(q -> q != null).map(QueryParam::value).toList();
    }
}
