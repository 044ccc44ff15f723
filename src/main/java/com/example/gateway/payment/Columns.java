package com.example.gateway.payment;

import io.vertx.mutiny.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Some columns of a table, with their SQL types, for the statements {@link PaymentRows} builds from them. Any
 * number of rows goes into one statement as one typed array parameter per column, which {@code unnest} turns
 * back into rows: the statement's text does not depend on how many rows there are.
 *
 * @param names the column names
 * @param types their SQL types, in the same order ({@code text}, {@code int8}, {@code timestamptz})
 */
record Columns(List<String> names, List<String> types) {

    /** From comma-separated names and types, split once (the statements are built on every write). */
    static Columns of(String names, String types) {
        return new Columns(split(names), split(types));
    }

    /** {@code a, b, ...}: the names, for a column list. */
    String listed() {
        return String.join(", ", names);
    }

    /** {@code ($1, $2, ...)}: one row's values, for a plain INSERT. */
    String placeholders() {
        return IntStream.rangeClosed(1, names.size()).mapToObj(i -> "$" + i)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * {@code b = $2, c = $3, ...} for every column but the first (the key, {@code $1}): an UPDATE's SET from one
     * row's values.
     */
    String assignedFromParameters() {
        return IntStream.range(1, names.size()).mapToObj(i -> names.get(i) + " = $" + (i + 1))
                .collect(Collectors.joining(", "));
    }

    /**
     * {@code unnest($n::text[], ...) AS c(names)}: adds one array per column, of {@code rows} (each a row's values
     * in the columns' order), to {@code values}, and answers the FROM item that reads them back as rows.
     */
    String unnest(Tuple values, List<List<Object>> rows) {
        return "unnest(" + arrays(values, rows) + ") AS c(" + listed() + ")";
    }

    /** As {@link #unnest}, with each row's position in a last column {@code n}, from 1. */
    String unnestNumbered(Tuple values, List<List<Object>> rows) {
        return "unnest(" + arrays(values, rows) + ") WITH ORDINALITY AS c(" + listed() + ", n)";
    }

    /**
     * {@code a = c.a, b = c.b, ...} for every column but the first (the key the rows are matched on): an UPDATE's
     * SET from the rows of {@link #unnest}.
     */
    String assignedFromRows() {
        return names.stream().skip(1).map(name -> name + " = c." + name)
                .collect(Collectors.joining(", "));
    }

    private String arrays(Tuple values, List<List<Object>> rows) {
        StringBuilder parameters = new StringBuilder();
        for (int column = 0; column < types.size(); column++) {
            Object[] array = (Object[]) Array.newInstance(javaType(types.get(column)), rows.size());
            for (int row = 0; row < rows.size(); row++) {
                array[row] = rows.get(row).get(column);
            }
            values.addValue(array);
            parameters.append(column == 0 ? "" : ", ").append('$').append(values.size()).append("::")
                    .append(types.get(column)).append("[]");
        }
        return parameters.toString();
    }

    /** The element type the PostgreSQL client binds to an array of {@code sqlType}. */
    private static Class<?> javaType(String sqlType) {
        return switch (sqlType) {
            case "text" -> String.class;
            case "int8" -> Long.class;
            case "timestamptz" -> OffsetDateTime.class;
            default -> throw new IllegalArgumentException("no array binding for " + sqlType);
        };
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
    }
}
