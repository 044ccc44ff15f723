package com.example.gateway.api;

import com.example.gateway.support.DomainException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json with a stable code; unexpected ones are logged with an id, not echoed. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    public static Response toResponse(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.retryAfterSeconds() != null) {
            response.header("Retry-After", problem.retryAfterSeconds());
        }
        return response.build();
    }

    /** The problem a failure is known to answer with; null for an unexpected one. */
    static Problem known(Throwable failure) {
        if (failure instanceof ApiProblem problem) {
            return problem.problem();
        }
        return failure instanceof DomainException refusal ? DomainProblems.of(refusal) : null;
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e) {
        return toResponse(e.problem());
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        return toResponse(Problem.validation(e.errors()));
    }

    /** What the domain refused: payments, captures, refunds, saved cards, and DOKU's failures on them. */
    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return toResponse(DomainProblems.of(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return toResponse(Problem.ofStatus(e.getResponse().getStatus()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        // Log the type and message only as a reference; exception messages from our code never hold card data.
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return toResponse(Problem.of(500, "internal_error", "Internal error", "Incident " + incident));
    }
}
