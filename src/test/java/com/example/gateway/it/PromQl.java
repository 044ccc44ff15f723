package com.example.gateway.it;

/** Small rewrites of PromQL text for tests. */
final class PromQl {

    private PromQl() {
    }

    /**
     * Adds {@code bool} to every comparison outside label matchers and strings, so that an alert's
     * expression answers 0 or 1 per series instead of nothing while it does not fire: whether its
     * metrics exist is then visible even when all is well.
     */
    static String withBoolComparisons(String expr) {
        StringBuilder out = new StringBuilder();
        int braces = 0;
        boolean quoted = false;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                braces++;
            } else if (!quoted && c == '}') {
                braces--;
            }
            if (quoted || braces > 0 || "<>=!".indexOf(c) < 0) {
                out.append(c);
                continue;
            }
            String op = i + 1 < expr.length() && expr.charAt(i + 1) == '=' ? expr.substring(i, i + 2) : String.valueOf(c);
            if (op.equals("=") || op.equals("!")) {
                out.append(c);
                continue;
            }
            out.append(op).append(" bool");
            i += op.length() - 1;
        }
        return out.toString();
    }
}
