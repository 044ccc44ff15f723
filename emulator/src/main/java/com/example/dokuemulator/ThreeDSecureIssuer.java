package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The issuer's side of 3-D Secure, as the emulator plays it. {@code POST /credit-card/check-three-d-secure}
 * issues an authentication id bound to the card (or token) and amount, valid for {@link #VALIDITY} on
 * the emulator's clock; the challenge page (or the control API) passes, fails or abandons it and names
 * the callback URL to send the browser to; a charge then uses it once. DOKU documents none of the
 * lifetime, the binding or the callback's query parameters: these are the emulator's choices (docs/integrating.md, "3-D Secure: what DOKU leaves open").
 */
final class ThreeDSecureIssuer {

    /** How long an authentication id may be used, from its issue. */
    static final Duration VALIDITY = Duration.ofMinutes(15);

    /** The error code of a charge whose authentication id cannot be used; the message says why. */
    static final String NOT_FOUND = "3DS_AUTHENTICATION_NOT_FOUND";
    static final String EXPIRED = "3DS_AUTHENTICATION_EXPIRED";
    static final String USED = "3DS_AUTHENTICATION_USED";
    static final String NOT_AUTHENTICATED = "3DS_AUTHENTICATION_FAILED";
    static final String MISMATCH = "3DS_AUTHENTICATION_MISMATCH";

    private final Map<String, ThreeDSecureAuthentication> authentications = new ConcurrentHashMap<>();
    private final CardTokens tokens;
    private final String publicUrl;

    ThreeDSecureIssuer(CardTokens tokens, String publicUrl) {
        this.tokens = tokens;
        this.publicUrl = publicUrl;
    }

    /** {@code POST /credit-card/check-three-d-secure}. */
    Outcome check(IncomingRequest request) {
        JsonNode body = request.body();
        long amount = RequestFields.requiredAmount(body, "order.amount");
        String invoiceNumber = RequestFields.requiredText(body, "order.invoice_number", 64);
        String success = RequestFields.url(body, "three_dsecure.callback_url_success");
        String failed = RequestFields.url(body, "three_dsecure.callback_url_failed");
        if (success == null || failed == null) {
            throw EmulatorRejection.invalidParameter(
                    "three_dsecure.callback_url_success and three_dsecure.callback_url_failed are mandatory");
        }
        CardInput card = card(body, request.now());
        ThreeDSecureAuthentication issued = new ThreeDSecureAuthentication(EmulatorIds.authenticationId(), invoiceNumber,
                amount, card.binding(), card.result().masked(), card.result().issuer(), card.enrolled(),
                card.result().card() == TestCard.THREE_DS_FAILURE, success, failed, request.now().plus(VALIDITY),
                card.enrolled() ? ThreeDSecureAuthentication.Status.PENDING : ThreeDSecureAuthentication.Status.AUTHENTICATED);
        authentications.put(issued.id(), issued);

        ObjectNode answer = EmulatorJson.object();
        answer.putObject("order").put("amount", amount).put("invoice_number", invoiceNumber);
        ObjectNode threeDs = answer.putObject("three_dsecure")
                .put("enrollment_status", issued.enrolled())
                .put("authentication_id", issued.id());
        if (issued.enrolled()) {
            threeDs.put("authentication_url", challengeUrl(issued.id()));
        }
        return Outcome.changed(answer, invoiceNumber, List.of());
    }

    String challengeUrl(String authenticationId) {
        return publicUrl + "/3ds/challenge?authenticationId=" + authenticationId;
    }

    /** An authentication whose challenge page may be shown. */
    Optional<ThreeDSecureAuthentication> find(String authenticationId) {
        return Optional.ofNullable(authenticationId == null ? null : authentications.get(authenticationId));
    }

    /**
     * The cardholder's answer to the challenge; answers where the browser goes next. A card whose issuer
     * refuses fails whatever is answered; an expired one fails too. Refused with 404 for an unknown id and
     * 409 for an id whose challenge was already answered.
     */
    synchronized String complete(String authenticationId, ChallengeResult result, Instant now) {
        ThreeDSecureAuthentication authentication = find(authenticationId)
                .orElseThrow(() -> EmulatorRejection.notFound("no 3-D Secure authentication " + authenticationId));
        if (authentication.status() != ThreeDSecureAuthentication.Status.PENDING) {
            throw EmulatorRejection.alreadyProcessed("this 3-D Secure challenge was already answered");
        }
        ThreeDSecureAuthentication.Status status;
        if (authentication.expired(now)) {
            status = ThreeDSecureAuthentication.Status.FAILED;
        } else if (result == ChallengeResult.ABANDON) {
            status = ThreeDSecureAuthentication.Status.ABANDONED;
        } else {
            status = result == ChallengeResult.PASS && !authentication.issuerRefuses()
                    ? ThreeDSecureAuthentication.Status.AUTHENTICATED : ThreeDSecureAuthentication.Status.FAILED;
        }
        authentications.put(authenticationId, authentication.with(status));
        String callback = status == ThreeDSecureAuthentication.Status.AUTHENTICATED
                ? authentication.callbackUrlSuccess() : authentication.callbackUrlFailed();
        return callback + (callback.contains("?") ? "&" : "?") + "authenticationId="
                + URLEncoder.encode(authenticationId, StandardCharsets.UTF_8) + "&status=" + status;
    }

    /**
     * Takes the authentication id of a SALE or AUTHORIZE charge: it must exist, be authenticated, unused,
     * unexpired, and issued for this card (or token) and amount. Used once a charge gets this far,
     * whatever the acquirer then says. Otherwise the charge is refused with a 400 whose code says why.
     */
    synchronized void use(String authenticationId, JsonNode chargeBody, long amount, Instant now) {
        if (authenticationId == null) {
            throw EmulatorRejection.invalidParameter("three_dsecure.authentication_id is mandatory for SALE and AUTHORIZE");
        }
        ThreeDSecureAuthentication authentication = find(authenticationId)
                .orElseThrow(() -> refused(NOT_FOUND, "was not issued"));
        switch (authentication.status()) {
            case USED -> throw refused(USED, "was already used by a charge");
            case PENDING -> throw refused(NOT_AUTHENTICATED, "is still waiting for the cardholder's challenge");
            case FAILED, ABANDONED -> throw refused(NOT_AUTHENTICATED, "failed: the challenge was "
                    + authentication.status().name().toLowerCase());
            case AUTHENTICATED -> { }
        }
        if (authentication.expired(now)) {
            throw refused(EXPIRED, "expired");
        }
        if (authentication.amount() != amount || !authentication.cardBinding().equals(bindingOf(chargeBody))) {
            throw refused(MISMATCH, "was issued for another card or amount");
        }
        authentications.put(authenticationId, authentication.with(ThreeDSecureAuthentication.Status.USED));
    }

    void clear() {
        authentications.clear();
    }

    private static EmulatorRejection refused(String code, String why) {
        return new EmulatorRejection(400, code, "Invalid Request: three_dsecure.authentication_id " + why,
                "Invalid Parameter");
    }

    private record CardInput(String binding, CardResult result, boolean enrolled) {
    }

    /** The card of a check: a well-formed number and expiry (no CVV: it is not asked for here), or a customer's token. */
    private CardInput card(JsonNode body, Instant now) {
        String tokenId = RequestFields.text(body, "card.token");
        if (tokenId != null && RequestFields.text(body, "card.number") == null) {
            String customerId = RequestFields.text(body, "customer.id");
            if (customerId == null) {
                throw EmulatorRejection.invalidParameter("customer.id is mandatory to use card.token");
            }
            TestCard card = tokens.requireFor(tokenId, customerId).card();
            return new CardInput(bindingOf(body), CardResult.of(card), card.enrolled());
        }
        String number = RequestFields.text(body, "card.number");
        String expiry = RequestFields.text(body, "card.expiry");
        TestCards.inputProblem(number, expiry, null, false).ifPresent(problem -> {
            throw EmulatorRejection.invalidParameter(problem);
        });
        CardResult result = TestCards.judge(number, expiry, YearMonth.from(now.atZone(ZoneOffset.UTC)));
        return new CardInput(bindingOf(body), result, result.card() == null || result.card().enrolled());
    }

    /** What an authentication is bound to: the saved card's token, or a digest of the card number. */
    private static String bindingOf(JsonNode body) {
        String number = TestCards.normalize(RequestFields.text(body, "card.number"));
        if (number == null) {
            return "token:" + RequestFields.text(body, "card.token");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(number.getBytes(StandardCharsets.UTF_8));
            return "number:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
