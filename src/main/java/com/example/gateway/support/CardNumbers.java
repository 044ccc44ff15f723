package com.example.gateway.support;

import java.util.ArrayList;
import java.util.List;

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
     * Whether {@code text} contains what looks like a card number, as a person would write or paste one: a
     * word of 13 to 19 digits that passes the Luhn check, either unbroken or grouped the way cards print
     * them (see {@link #isCardShaped}), with spaces and dashes between the groups ({@code 4111 1111 1111 1111}
     * and {@code 4111-1111-1111-1111} are found, and so are digits of other scripts).
     * <p>
     * The digits must stand as a word of their own: not glued to a letter or a digit on either side. About
     * one digit string in ten passes Luhn by chance, so without that rule, and without the grouping rule,
     * the identifiers clients put in metadata were refused at random: 1 UUID in 480 (its groups of 8-4-4
     * hex digits read as one 16-digit run) and 1 SHA-1 hex digest in 415 (a run of digits between two hex
     * letters). Word boundaries are what PAN detectors commonly use ({@code \b} in their patterns). A run
     * of more than 19 digits is not a card number either, nor is one inside it looked for: every long
     * reference number would be refused.
     */
    public static boolean containsCardNumber(String text) {
        int i = 0;
        while (i < text.length()) {
            if (isDigit(text.charAt(i)) && !isWordCharacterAt(text, i - 1)) {
                DigitRun run = DigitRun.readFrom(text, i);
                if (!isWordCharacterAt(text, run.end) && run.isCardNumber()) {
                    return true;
                }
                i = run.end;
            } else {
                i++;
            }
        }
        return false;
    }

    /**
     * Whether groups of digits (as separated by spaces or dashes) are laid out as cards print them: one
     * unbroken run; fours with a last group of one to four (4-4-4-4, 4-4-4-4-3, 4-4-4-1); or the 4-6-5 of
     * American Express and 4-6-4 of Diners Club.
     */
    private static boolean isCardShaped(List<Integer> groups) {
        if (groups.size() == 1 || groups.equals(List.of(4, 6, 5)) || groups.equals(List.of(4, 6, 4))) {
            return true;
        }
        int last = groups.get(groups.size() - 1);
        return last >= 1 && last <= 4 && groups.subList(0, groups.size() - 1).stream().allMatch(size -> size == 4);
    }

    /** Digits from a word's start, in groups separated by spaces or dashes; {@code end} follows the last digit. */
    private record DigitRun(String digits, List<Integer> groups, int end) {

        static DigitRun readFrom(String text, int start) {
            StringBuilder digits = new StringBuilder(MAX_DIGITS + 1);
            List<Integer> groups = new ArrayList<>(5);
            int i = start;
            while (true) {
                int groupStart = digits.length();
                while (i < text.length() && isDigit(text.charAt(i))) {
                    digits.append((char) ('0' + Character.digit(text.charAt(i), 10)));
                    i++;
                }
                groups.add(digits.length() - groupStart);
                int next = skipSeparators(text, i);
                if (next == i || next == text.length() || !isDigit(text.charAt(next))) {
                    return new DigitRun(digits.toString(), groups, i);
                }
                i = next;
            }
        }

        boolean isCardNumber() {
            return digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && isCardShaped(groups)
                    && passesLuhnCheck(digits);
        }
    }

    private static int skipSeparators(String text, int from) {
        int i = from;
        while (i < text.length() && isSeparator(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether the character at {@code index} (if any) is a letter or digit, so a number there is part of a word. */
    private static boolean isWordCharacterAt(String text, int index) {
        return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
    }

    /** Any decimal digit: a full-width {@code ４} hides a card number as well as a {@code 4}. */
    private static boolean isDigit(char c) {
        return Character.isDigit(c);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
    }
}
