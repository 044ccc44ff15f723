package com.example.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.example.gateway.support.Confidential;
import com.example.gateway.support.Detached;
import com.example.gateway.support.KeyPurpose;
import com.example.gateway.support.KnownKeys;
import com.example.gateway.support.SecretBox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Idempotency-Key} on POSTs: the first response for a client's key is stored and replayed for
 * the same request; the same key on another request is refused, and so is a second request while the
 * first is still running. Answers that promise nothing happened (503, 500) release the key so the
 * client can try again.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final byte[] FINGERPRINT_LABEL = "doku-card-gateway idempotency fingerprint v1\0"
            .getBytes(StandardCharsets.UTF_8);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Pool db;
    private final ObjectMapper json;
    private final Clock clock;
    /** The fingerprint keys: the current master's first, then those a rotation retired (still matched). */
    private final List<byte[]> fingerprintKeys;
    /** How long an unfinished claim blocks other requests with its key: longer than any request runs. */
    private final Duration lease;
    /** Seals a stored answer that shows a secret ({@link Confidential}): replayed, it is opened again. */
    private final SecretBox box;

    IdempotencyKeys(Pool db, ObjectMapper json, Clock clock, SecretBox box, KnownKeys keys, ApiConfig config) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.fingerprintKeys = keys.all().stream().map(k -> k.key(KeyPurpose.IDEMPOTENCY_FINGERPRINT)).toList();
        this.lease = config.idempotency().lease();
        this.box = box;
    }

    /**
     * The key from the raw {@code Idempotency-Key} header values (null when absent); a validation error
     * if the header is present but empty, malformed or repeated. Call before any work.
     */
    public static String validate(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return null;
        }
        if (headerValues.size() > 1 || !VALID_KEY.matcher(headerValues.get(0)).matches()) {
            throw new ValidationException(List.of(new FieldError(HEADER,
                    "must be one header of 1 to 255 printable ASCII characters without spaces")));
        }
        return headerValues.get(0);
    }

    /** The request's key: {@link #validate} of its raw headers ({@code @HeaderParam} reads an empty header as absent). */
    public static String of(ContainerRequestContext request) {
        return validate(request.getHeaders().get(HEADER));
    }

    /** Runs {@code action} once per key; it runs to the end even if the client disconnects. */
    public Uni<Response> run(String client, String key, String method, String path, byte[] body,
            Supplier<Uni<Response>> action) {
        if (key == null) {
            return Detached.run(action);
        }
        String hash = fingerprint(fingerprintKeys.get(0), method, path, body);
        return claim(client, key, method, path, hash).chain(claimed -> claimed
                ? Detached.run(() -> action.get().onItemOrFailure().transformToUni((response, failure) -> {
                    Problem problem = ProblemMapper.known(failure);
                    if (problem != null) {
                        return complete(client, key, ProblemMapper.toResponse(problem));
                    }
                    if (failure != null) {
                        return release(client, key).chain(() -> Uni.createFrom().failure(failure));
                    }
                    return complete(client, key, response);
                }))
                : existing(client, key, method, path, body));
    }

    /**
     * Claims the key for this request, or takes over a claim of the same request whose lease ran out
     * (its process died before storing a response). A completed key is never taken over.
     */
    private Uni<Boolean> claim(String client, String key, String method, String path, String hash) {
        OffsetDateTime now = now();
        return db.preparedQuery("INSERT INTO idempotency_keys (client_name, idempotency_key, request_method, "
                        + "request_path, request_hash, created_at, claimed_until) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                        + "ON CONFLICT (client_name, idempotency_key) DO UPDATE SET claimed_until = EXCLUDED.claimed_until "
                        + "WHERE idempotency_keys.response_status IS NULL "
                        + "AND (idempotency_keys.claimed_until IS NULL OR idempotency_keys.claimed_until < $6) "
                        + "AND idempotency_keys.request_method = EXCLUDED.request_method "
                        + "AND idempotency_keys.request_path = EXCLUDED.request_path "
                        + "AND idempotency_keys.request_hash = EXCLUDED.request_hash")
                .execute(Tuple.of(client, key, method, path, hash, now).addValue(now.plus(lease)))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<Response> existing(String client, String key, String method, String path, byte[] body) {
        return db.preparedQuery("SELECT request_method, request_path, request_hash, response_status, response_body "
                        + "FROM idempotency_keys WHERE client_name = $1 AND idempotency_key = $2")
                .execute(Tuple.of(client, key))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        // Released between our insert and this read: the first request failed retryably.
                        throw ApiProblem.of(409, "idempotency_key_in_use", "Idempotency key in use",
                                "Try again: a request with this key has just finished without a result");
                    }
                    Row row = rows.iterator().next();
                    boolean same = row.getString("request_method").equals(method)
                            && row.getString("request_path").equals(path)
                            && isFingerprintOf(row.getString("request_hash"), method, path, body);
                    if (!same) {
                        throw ApiProblem.of(422, "idempotency_key_reused", "Idempotency key reused",
                                "This key was used with a different request");
                    }
                    Integer status = row.getInteger("response_status");
                    if (status == null) {
                        throw ApiProblem.of(409, "idempotency_key_in_use", "Idempotency key in use",
                                "A request with this key is still being processed");
                    }
                    return Response.status(status).type(mediaTypeFor(status))
                            .entity(opened(row.getString("response_body"), client, key))
                            .header(REPLAYED_HEADER, "true").build();
                });
    }

    private Uni<Response> complete(String client, String key, Response response) {
        int status = response.getStatus();
        if (status == 500 || status == 503) {
            // Nothing happened that the client must not repeat (502 and 504 did reach DOKU): free the key.
            return release(client, key).replaceWith(response);
        }
        String body = serialize(response.getEntity());
        String stored = response.getEntity() instanceof Confidential
                ? box.seal(body.getBytes(StandardCharsets.UTF_8), contextOf(client, key)) : body;
        return db.preparedQuery("UPDATE idempotency_keys SET response_status = $3, response_body = $4, completed_at = $5 "
                        + "WHERE client_name = $1 AND idempotency_key = $2")
                .execute(Tuple.of(client, key, status, stored, now()))
                .replaceWith(Response.status(status).type(mediaTypeFor(status)).entity(body).build());
    }

    private String opened(String stored, String client, String key) {
        return SecretBox.isSealed(stored)
                ? new String(box.open(stored, contextOf(client, key)), StandardCharsets.UTF_8) : stored;
    }

    private static String contextOf(String client, String key) {
        return "idempotency-key:" + client + ":" + key;
    }

    private Uni<Void> release(String client, String key) {
        return db.preparedQuery("DELETE FROM idempotency_keys WHERE client_name = $1 AND idempotency_key = $2")
                .execute(Tuple.of(client, key)).replaceWithVoid();
    }

    private static String mediaTypeFor(int status) {
        return status >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON;
    }

    private String serialize(Object entity) {
        try {
            return entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize a response", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A fingerprint of this request under the current master, or under one a rotation retired. */
    private boolean isFingerprintOf(String stored, String method, String path, byte[] body) {
        return fingerprintKeys.stream().anyMatch(k -> fingerprint(k, method, path, body).equals(stored));
    }

    /**
     * What tells "the same request" apart: method, path and body. Keyed (HMAC-SHA256), because a charge
     * body holds a card number: a plain hash of it could be matched against guessed numbers. The key
     * has this one job ({@link KeyPurpose#IDEMPOTENCY_FINGERPRINT}), and the MAC's input starts with a
     * label of its own, so a stored fingerprint is no signature, key or MAC anywhere else.
     */
    static String fingerprint(byte[] key, String method, String path, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(FINGERPRINT_LABEL);
            mac.update(method.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(path.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
