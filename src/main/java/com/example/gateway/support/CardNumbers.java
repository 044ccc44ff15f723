package com.example.gateway.support;

/**
 * Recognising card numbers (PANs): the Luhn check of a card number field, and the search for one hidden
 * in free text that the gateway would otherwise store (a payment's metadata). Hand-written: ten lines of
 * arithmetic, which no library on the classpath offers (Apache Commons Validator would be a new
 * dependency for it).
 */
public final class CardNumbers {

    /** The lengths of card numbers (ISO/IEC 7812): 13 (old Visa) to 19 digits. */
    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;

    private CardNumbers() {
    }

    /** Whether a string of digits passes the Luhn check (ISO/IEC 7812-1 annex B). */
    public static boolean passesLuhnCheck(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /**
     * Whether {@code text} contains what looks like a card number: a run of 13 to 19 digits that passes
     * the Luhn check, where spaces and dashes between the digits do not count ({@code 4111 1111 1111 1111}
     * and {@code 4111-1111-1111-1111} are found too, and so are digits of other scripts). A run of more than 19 digits is not a card number
     * (nor is one inside a longer run looked for: about one in ten digit strings passes Luhn by chance,
     * so every long reference number would be refused).
     */
    public static boolean containsCardNumber(String text) {
        StringBuilder run = new StringBuilder(MAX_DIGITS + 1);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                run.append((char) ('0' + Character.digit(c, 10)));
                i++;
            } else if (run.length() > 0 && isSeparator(c) && continuesRun(text, i)) {
                i++;
            } else {
                if (isCardNumber(run)) {
                    return true;
                }
                run.setLength(0);
                i++;
            }
        }
        return isCardNumber(run);
    }

    /** Whether the separators starting at {@code from} are followed by a digit (so the run goes on). */
    private static boolean continuesRun(String text, int from) {
        int i = from;
        while (i < text.length() && isSeparator(text.charAt(i))) {
            i++;
        }
        return i < text.length() && isDigit(text.charAt(i));
    }

    private static boolean isCardNumber(CharSequence run) {
        return run.length() >= MIN_DIGITS && run.length() <= MAX_DIGITS && passesLuhnCheck(run);
    }

    /** Any decimal digit: a full-width {@code ４} hides a card number as well as a {@code 4}. */
    private static boolean isDigit(char c) {
        return Character.isDigit(c);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
    }
}
