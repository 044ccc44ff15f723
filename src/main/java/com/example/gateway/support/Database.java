package com.example.gateway.support;

import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;

/** Reading PostgreSQL's answers out of the exceptions Hibernate Reactive wraps them in. */
public final class Database {

    private static final String UNIQUE_VIOLATION = "23505";

    private Database() {
    }

    /** Whether {@code failure} is a unique-constraint violation of the named constraint. */
    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException hibernate && UNIQUE_VIOLATION.equals(hibernate.getSQLState())) {
                return constraint.equals(hibernate.getConstraintName());
            }
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return constraint.equals(pg.getConstraint());
            }
        }
        return false;
    }
}
