package com.example.gateway.support;

import java.util.List;

/** The current master's keys first, then those of the masters a rotation retired (still accepted, never used for new values). */
public record KnownKeys(List<DerivedKeys> all) {

    public KnownKeys {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("at least the current master is needed");
        }
        all = List.copyOf(all);
    }

    public DerivedKeys current() {
        return all.get(0);
    }
}
