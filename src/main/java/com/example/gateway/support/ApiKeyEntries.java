package com.example.gateway.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GATEWAY_API_KEYS} read strictly: {@code name:key,name:key}. A malformed entry stops the start
 * instead of silently letting nobody in under that name; messages name the entry's position, never a key.
 */
public final class ApiKeyEntries {

    /** Client names are metric labels and log fields: short and plain. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public record Entry(String client, String key) {
    }

    private ApiKeyEntries() {
    }

    /** @throws IllegalArgumentException naming every malformed entry by its position */
    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        String[] pairs = text == null || text.isBlank() ? new String[0] : text.split(",", -1);
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i].trim();
            int colon = pair.indexOf(':');
            String name = colon < 0 ? pair : pair.substring(0, colon).trim();
            String key = colon < 0 ? "" : pair.substring(colon + 1).trim();
            if (colon < 0 || key.isEmpty()) {
                problems.add("entry " + (i + 1) + " is not name:key");
            } else if (!NAME.matcher(name).matches()) {
                problems.add("entry " + (i + 1) + " has a name that is not 1-63 of a-z, 0-9, '.', '_', '-'");
            } else if (!names.add(name)) {
                problems.add("entry " + (i + 1) + " repeats the client name " + name);
            } else if (!keys.add(key)) {
                problems.add("entry " + (i + 1) + " repeats another client's key");
            } else {
                entries.add(new Entry(name, key));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("GATEWAY_API_KEYS: " + String.join("; ", problems));
        }
        return entries;
    }
}
