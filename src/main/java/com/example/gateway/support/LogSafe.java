package com.example.gateway.support;

/**
 * Request-derived text made fit for one log line: control characters and lone surrogates are
 * escaped (so nobody can forge a line break or a fake entry) and long values are cut.
 */
public final class LogSafe {

    static final int MAX_LENGTH = 120;

    private LogSafe() {
    }

    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
        for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(c).append(text.charAt(++i));
            } else if (CleanText.isControl(c) || Character.isSurrogate(c) || c == '\\') {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        if (text.length() > MAX_LENGTH) {
            safe.append("…(").append(text.length()).append(" chars)");
        }
        return safe.toString();
    }
}
