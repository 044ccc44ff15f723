package com.example.gateway.support;

/**
 * Text that may travel on to PostgreSQL, DOKU or a log line as it is: no control characters (C0,
 * DEL, C1; PostgreSQL refuses U+0000 outright) and no unpaired surrogates (which do not encode).
 */
public final class CleanText {

    private CleanText() {
    }

    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Clean, of {@code min..max} code points. */
    public static boolean isClean(String text, int min, int max) {
        if (text == null || !isClean(text)) {
            return false;
        }
        int length = text.codePointCount(0, text.length());
        return length >= min && length <= max;
    }

    static boolean isControl(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }
}
