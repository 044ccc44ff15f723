package com.example.gateway.api;

import com.example.gateway.support.TestClock;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;

/**
 * Dev and staging only: the gateway's test clock ({@link TestClock}). Where it is not enabled every
 * path here answers 404, as for a path that does not exist.
 */
@Authenticated
@Path("/v1/test-clock")
@Produces(MediaType.APPLICATION_JSON)
public class TestClockResource {

    /**
     * The clock as it stands: the gateway's time, and how far it runs ahead of real time (ISO-8601
     * durations as text: Jackson would write a Duration as a number of seconds).
     */
    public record Now(Instant now, String offset) {

        Now(Instant now, Duration offset) {
            this(now, offset.toString());
        }
    }

    /** An advance's answer: the clock after it, and what the jobs that fell due did. */
    public record Advanced(Instant now, String offset, String advancedBy, DueJobs.Ran ran) {

        Advanced(Instant now, Duration offset, Duration advancedBy, DueJobs.Ran ran) {
            this(now, offset.toString(), advancedBy.toString(), ran);
        }
    }

    private final TestClock clock;
    private final DueJobs jobs;
    private final IdempotencyKeys idempotency;

    TestClockResource(TestClock clock, DueJobs jobs, IdempotencyKeys idempotency) {
        this.clock = clock;
        this.jobs = jobs;
        this.idempotency = idempotency;
    }

    @GET
    public Now now() {
        requireEnabled();
        return new Now(clock.instant(), clock.offset());
    }

    /** {@code {"duration": "P7DT1H"}}: moves time forward, then runs the jobs that fell due. */
    @POST
    @Path("advance")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> advance(@Context ContainerRequestContext request, byte[] body) {
        requireEnabled();
        Duration by = TestClockRequestReader.readAdvance(JsonBodies.parse(body), clock.maxAdvance());
        // With an Idempotency-Key a retried advance moves time once, as any other POST acts once.
        return idempotency.run(Caller.of(request), IdempotencyKeys.of(request), "POST", "/v1/test-clock/advance", body,
                () -> clock.advance(by).chain(offset -> jobs.run()
                        .map(ran -> Response.ok(new Advanced(clock.instant(), offset, by, ran)).build())));
    }

    /** Puts the gateway (and the DOKU emulator) back on real time. */
    @POST
    @Path("reset")
    public Uni<Response> reset(@Context ContainerRequestContext request) {
        requireEnabled();
        return idempotency.run(Caller.of(request), IdempotencyKeys.of(request), "POST", "/v1/test-clock/reset", new byte[0],
                () -> clock.reset().map(offset -> Response.ok(new Now(clock.instant(), offset)).build()));
    }

    private void requireEnabled() {
        if (!clock.enabled()) {
            throw new NotFoundException();
        }
    }
}
