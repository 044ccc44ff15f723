package com.example.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.example.gateway.support.RepositoryRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract's two halves, docs/API.md (for people) and openapi.yaml (for machines), name the same
 * things: every endpoint, status, problem code, header, parameter, field and enumerated value of the
 * OpenAPI document is in API.md, and every endpoint, status, code, header and field API.md lists is in
 * the OpenAPI document. Prose is free; only API.md's headings and the first cells of its tables are
 * read, so rewording a sentence never fails this test, while a new status, field or endpoint in one
 * half without the other does. Each test lists every difference at once.
 */
class ApiDocumentInStepTest {

    private static final Path OPENAPI = Path.of("src/main/resources/META-INF/openapi.yaml");
    private static final Path API_MD = RepositoryRoot.resolve("docs/API.md");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern HEADING = Pattern.compile("^#{2,4} (.+)$");
    private static final Pattern ENDPOINT_HEADING = Pattern.compile("^`(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS) (/\\S*)`$");
    private static final Pattern RESOURCE_HEADING = Pattern.compile("^`([A-Z][A-Za-z]*)`$");
    private static final Pattern ENDPOINT_MENTION = Pattern.compile("\\b(GET|PUT|POST|DELETE|PATCH) (/v1/[A-Za-z0-9_{}/.-]*)");
    private static final Pattern CODE = Pattern.compile("`([^`\n]+)`");
    private static final Pattern FENCED = Pattern.compile("(?ms)^ *```.*?^ *```$");
    private static final Pattern SETTING = Pattern.compile("\\b(?:GATEWAY|DOKU)_[A-Z0-9_]*[A-Z0-9]\\b");

    private static JsonNode openapi;
    private static String markdown;
    private static Map<String, List<String>> sections;
    private static Set<String> problemCodes;

    @BeforeAll
    static void read() throws IOException {
        openapi = new ObjectMapper(new YAMLFactory()).readTree(OPENAPI.toFile());
        markdown = Files.readString(API_MD);
        sections = sections(markdown);
        problemCodes = texts(openapi.at("/components/schemas/ProblemCode/enum"));
    }

    @Test
    void theSameEndpoints() {
        Set<String> documented = new TreeSet<>(endpointSections().keySet());
        Set<String> mentioned = new TreeSet<>();
        Matcher mention = ENDPOINT_MENTION.matcher(markdown);
        while (mention.find()) {
            mentioned.add(mention.group(1) + " " + mention.group(2));
        }
        Set<String> operations = operations().keySet();
        List<String> problems = new ArrayList<>();
        missing(operations, documented, "in openapi.yaml but without a section in API.md", problems);
        missing(documented, operations, "has a section in API.md but is not in openapi.yaml", problems);
        missing(mentioned, operations, "is named in API.md but is not in openapi.yaml", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void eachEndpointWithTheSameStatusesAndProblemCodes() {
        Map<String, List<String>> documented = endpointSections();
        List<String> problems = new ArrayList<>();
        operations().forEach((endpoint, operation) -> {
            List<String> section = documented.get(endpoint);
            if (section == null) {
                return; // theSameEndpoints says so
            }
            Map<String, Set<String>> inOpenApi = new LinkedHashMap<>();
            operation.path("responses").properties().forEach(response ->
                    inOpenApi.put(response.getKey(), problemCodesIn(resolve(response.getValue()).path("description").asText())));
            Map<String, Set<String>> inMarkdown = new LinkedHashMap<>();
            for (List<String> row : tableRows(section)) {
                if (row.get(0).matches("\\d(\\d\\d|XX)")) {
                    inMarkdown.put(row.get(0), backticked(String.join(" | ", row.subList(1, row.size()))).stream()
                            .filter(problemCodes::contains).collect(Collectors.toCollection(TreeSet::new)));
                }
            }
            missing(inOpenApi.keySet(), inMarkdown.keySet(), "a status of " + endpoint + " in openapi.yaml, not in API.md", problems);
            missing(inMarkdown.keySet(), inOpenApi.keySet(), "a status of " + endpoint + " in API.md, not in openapi.yaml", problems);
            inOpenApi.forEach((status, codes) -> {
                Set<String> listed = inMarkdown.getOrDefault(status, codes);
                missing(codes, listed, "a code of " + endpoint + " " + status + " in openapi.yaml, not in API.md", problems);
                missing(listed, codes, "a code of " + endpoint + " " + status + " in API.md, not in openapi.yaml", problems);
            });
            for (JsonNode parameter : parameters(endpoint, operation)) {
                if (!"header".equals(parameter.path("in").asText())
                        && !backticked(String.join("\n", section)).contains(parameter.path("name").asText())
                        && !endpoint.contains("{" + parameter.path("name").asText() + "}")) {
                    problems.add(parameter.path("in").asText() + " parameter `" + parameter.path("name").asText() + "` of "
                            + endpoint + " is not named in its section of API.md");
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyProblemCodeWithItsStatus() {
        Map<String, String> table = new LinkedHashMap<>();
        for (List<String> row : tableRows(sections.getOrDefault("Error codes", List.of()))) {
            backticked(row.get(0)).stream().findFirst().ifPresent(code -> table.put(code, row.size() > 1 ? row.get(1) : ""));
        }
        List<String> problems = new ArrayList<>();
        missing(problemCodes, table.keySet(), "a ProblemCode in openapi.yaml, not in API.md's Error codes", problems);
        missing(table.keySet(), problemCodes, "in API.md's Error codes, not a ProblemCode in openapi.yaml", problems);
        operations().forEach((endpoint, operation) -> operation.path("responses").properties().forEach(response -> {
            for (String code : problemCodesIn(resolve(response.getValue()).path("description").asText())) {
                if (table.containsKey(code) && !table.get(code).equals(response.getKey())) {
                    problems.add("`" + code + "` is " + response.getKey() + " on " + endpoint + " but " + table.get(code)
                            + " in API.md's Error codes");
                }
            }
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void theSameHeaders() {
        Set<String> inOpenApi = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        openapi.at("/components/securitySchemes").forEach(scheme -> {
            if ("http".equals(scheme.path("type").asText())) {
                inOpenApi.add("Authorization");
            } else if ("header".equals(scheme.path("in").asText())) {
                inOpenApi.add(scheme.path("name").asText());
            }
        });
        operations().forEach((endpoint, operation) -> {
            parameters(endpoint, operation).stream().filter(p -> "header".equals(p.path("in").asText()))
                    .forEach(p -> inOpenApi.add(p.path("name").asText()));
            operation.path("responses").forEach(response -> resolve(response).path("headers").fieldNames()
                    .forEachRemaining(inOpenApi::add));
            operation.path("callbacks").forEach(callback -> callback.forEach(expression -> expression.properties()
                    .forEach(method -> {
                        if (METHODS.contains(method.getKey())) {
                            method.getValue().path("parameters").forEach(p -> {
                                if ("header".equals(resolve(p).path("in").asText())) {
                                    inOpenApi.add(resolve(p).path("name").asText());
                                }
                            });
                        }
                    })));
        });
        Set<String> inMarkdown = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (List<String> row : tableRows(sections.getOrDefault("Headers", List.of()))) {
            backticked(row.get(0)).stream().findFirst().ifPresent(inMarkdown::add);
        }
        List<String> problems = new ArrayList<>();
        missing(inOpenApi, inMarkdown, "a header in openapi.yaml, not in API.md's Headers", problems);
        missing(inMarkdown, inOpenApi, "in API.md's Headers, not a header in openapi.yaml", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void eachObjectWithTheSameFields() {
        JsonNode schemas = openapi.at("/components/schemas");
        List<String> problems = new ArrayList<>();
        schemas.properties().forEach(schema -> {
            if (!schema.getValue().has("properties")) {
                return;
            }
            Set<String> properties = new TreeSet<>();
            schema.getValue().path("properties").fieldNames().forEachRemaining(properties::add);
            List<String> section = sections.get("`" + schema.getKey() + "`");
            if (section == null) {
                problems.add("schema " + schema.getKey() + " has no section ### `" + schema.getKey() + "` in API.md");
                return;
            }
            missing(properties, fields(section), "a field of " + schema.getKey() + " in openapi.yaml, not in API.md", problems);
            missing(fields(section), properties, "a field of " + schema.getKey() + " in API.md, not in openapi.yaml", problems);
        });
        sections.keySet().stream().map(RESOURCE_HEADING::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .filter(name -> !schemas.path(name).has("properties"))
                .forEach(name -> problems.add("API.md has a section for " + name + ", which is no object schema in openapi.yaml"));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyEnumeratedValueServerAndSettingIsNamed() {
        Set<String> named = backticked(markdown);
        Set<String> expected = new TreeSet<>();
        collectEnums(openapi.at("/components/schemas"), expected);
        collectEnums(openapi.at("/components/parameters"), expected);
        operations().forEach((endpoint, operation) -> parameters(endpoint, operation).forEach(p -> collectEnums(p, expected)));
        List<String> problems = new ArrayList<>();
        missing(expected, named, "an enumerated value in openapi.yaml, not named (in backticks) in API.md", problems);
        Set<String> servers = new TreeSet<>();
        openapi.path("servers").forEach(server -> servers.add(server.path("url").asText()));
        assertFalse(servers.isEmpty(), "openapi.yaml names its servers");
        missing(servers, named, "a server in openapi.yaml, not in API.md", problems);
        Set<String> settings = new TreeSet<>();
        Matcher setting = SETTING.matcher(openapi.toString());
        while (setting.find()) {
            settings.add(setting.group());
        }
        missing(settings, named, "a setting openapi.yaml names, not named in API.md", problems);
        assertEquals(List.of(), problems);
    }

    // ------------------------------------------------------------------------------------ openapi.yaml

    /** "METHOD /path" to the operation, in the document's order. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        openapi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    /** The operation's parameters and its path's, references resolved. */
    private static List<JsonNode> parameters(String endpoint, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        openapi.path("paths").path(endpoint.substring(endpoint.indexOf(' ') + 1)).path("parameters")
                .forEach(p -> parameters.add(resolve(p)));
        operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? openapi.at(node.path("$ref").asText().substring(1)) : node;
    }

    private static Set<String> problemCodesIn(String description) {
        return backticked(description).stream().filter(problemCodes::contains).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void collectEnums(JsonNode node, Set<String> values) {
        if (node.isObject() || node.isArray()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("enum")) {
                    field.getValue().forEach(value -> {
                        if (!value.isNull()) {
                            values.add(value.asText());
                        }
                    });
                } else if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                    collectEnums(field.getValue(), values);
                }
            });
            if (node.isArray()) {
                node.forEach(element -> collectEnums(element, values));
            }
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    // ------------------------------------------------------------------------------------ API.md

    /** Each heading (levels 2 to 4) to the lines under it, up to the next heading. */
    private static Map<String, List<String>> sections(String text) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = new ArrayList<>();
        boolean inCode = false;
        for (String line : text.split("\n")) {
            inCode ^= line.strip().startsWith("```");
            Matcher heading = HEADING.matcher(line);
            if (!inCode && heading.matches()) {
                current = new ArrayList<>();
                sections.put(heading.group(1).strip(), current);
            } else {
                current.add(line);
            }
        }
        return sections;
    }

    private static Map<String, List<String>> endpointSections() {
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        sections.forEach((title, lines) -> {
            Matcher endpoint = ENDPOINT_HEADING.matcher(title);
            if (endpoint.matches()) {
                endpoints.put(endpoint.group(1) + " " + endpoint.group(2), lines);
            }
        });
        return endpoints;
    }

    /** The cells of each table row but the header and its rule; {@code \|} is a bar inside a cell. */
    private static List<List<String>> tableRows(List<String> lines) {
        List<List<String>> rows = new ArrayList<>();
        int lineOfTable = 0;
        for (String line : lines) {
            lineOfTable = line.startsWith("|") ? lineOfTable + 1 : 0;
            if (lineOfTable > 2) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1).split("(?<!\\\\)\\|", -1)) {
                    cells.add(cell.strip());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The top-level field names a resource's table lists: `card.number` is `card`. */
    private static Set<String> fields(List<String> section) {
        Set<String> fields = new TreeSet<>();
        for (List<String> row : tableRows(section)) {
            backticked(row.get(0)).stream().findFirst().ifPresent(field -> fields.add(field.split("[.\\[]")[0]));
        }
        return fields;
    }

    /** What the text names as code: `name`, on one line, outside fenced blocks. */
    private static Set<String> backticked(String text) {
        Set<String> names = new TreeSet<>();
        Matcher code = CODE.matcher(FENCED.matcher(text).replaceAll(""));
        while (code.find()) {
            names.add(code.group(1));
        }
        return names;
    }

    private static void missing(Set<String> expected, Set<String> present, String what, List<String> problems) {
        expected.stream().filter(name -> !present.contains(name)).forEach(name -> problems.add("`" + name + "`: " + what));
    }
}
