package com.example.dokuemulator;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The card rules: what a well-formed card input is, how a number is masked, and which verdict a
 * card gets. Card numbers and CVVs only pass through here; nothing is kept or logged.
 */
final class TestCards {

    static final String INVALID_CARD = "14";
    static final String EXPIRED_CARD = "54";

    private TestCards() {
    }

    /** Spaces and dashes as people type them are ignored. */
    static String normalize(String number) {
        return number == null ? null : number.replaceAll("[\\s-]", "");
    }

    /** First 6 and last 4 digits, as DOKU masks: {@code 411111******1111}. */
    static String mask(String number) {
        String digits = normalize(number);
        if (digits == null || digits.length() < 10) {
            return "******";
        }
        return digits.substring(0, 6) + "******" + digits.substring(digits.length() - 4);
    }

    /**
     * Why the input cannot even be sent to an acquirer (DOKU answers such requests 400 and the page
     * asks again), or empty when it is well formed. The CVV is checked when given or required.
     */
    static Optional<String> inputProblem(String number, String expiry, String cvv, boolean cvvRequired) {
        String digits = normalize(number);
        if (digits == null || !digits.matches("\\d{12,19}")) {
            return Optional.of("card.number must be 12 to 19 digits");
        }
        if (expiry == null || parseExpiry(expiry) == null) {
            return Optional.of("card.expiry must be MMYY");
        }
        boolean cvvGiven = cvv != null && !cvv.isBlank();
        if (cvvRequired && !cvvGiven) {
            return Optional.of("card.cvv is required");
        }
        if (cvvGiven && !cvv.trim().matches("\\d{3,4}")) {
            return Optional.of("card.cvv must be 3 or 4 digits");
        }
        return Optional.empty();
    }

    /**
     * The verdict for card data as typed into a page or sent in a charge, or a 400 rejection when it is
     * malformed. MOTO and RECURRING are card-not-present payments: no CVV needed.
     */
    static CardResult judgeTyped(String number, String expiry, String cvv, String paymentType, Instant now) {
        boolean cvvRequired = !"MOTO".equals(paymentType) && !"RECURRING".equals(paymentType);
        inputProblem(number, expiry, cvv, cvvRequired).ifPresent(problem -> {
            throw EmulatorRejection.invalidParameter(problem);
        });
        return judge(number, expiry, YearMonth.from(now.atZone(ZoneOffset.UTC)));
    }

    /** The verdict for a well-formed card input (see {@link #inputProblem}) in the given month. */
    static CardResult judge(String number, String expiry, YearMonth currentMonth) {
        String digits = normalize(number);
        Optional<TestCard> known = TestCard.byNumber(digits);
        CardResult result = known.map(CardResult::of).orElseGet(() -> unknownCard(digits));
        if (result.approved() && parseExpiry(expiry).isBefore(currentMonth)) {
            return result.declined(EXPIRED_CARD, "EXPIRED CARD");
        }
        return result;
    }

    /** A card that is valid through the end of its expiry month; {@code null} if not MMYY. */
    static YearMonth parseExpiry(String expiry) {
        String text = expiry.trim();
        if (!text.matches("(0[1-9]|1[0-2])\\d{2}")) {
            return null;
        }
        return YearMonth.of(2000 + Integer.parseInt(text.substring(2)), Integer.parseInt(text.substring(0, 2)));
    }

    private static CardResult unknownCard(String digits) {
        return new CardResult(false, INVALID_CARD, "INVALID CARD NUMBER", mask(digits), brandOf(digits),
                "UNKNOWN", "CREDIT", "BCA", null);
    }

    private static String brandOf(String digits) {
        return switch (digits.charAt(0)) {
            case '4' -> "VISA";
            case '5', '2' -> "MASTER";
            case '3' -> digits.startsWith("34") || digits.startsWith("37") ? "AMEX" : "JCB";
            default -> "UNKNOWN";
        };
    }
}
