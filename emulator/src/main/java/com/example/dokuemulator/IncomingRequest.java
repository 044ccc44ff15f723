package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A signed API request that passed the checks and is about to be processed.
 *
 * @param body     the parsed body, {@code null} for a GET
 * @param pathId   the id at the end of the path (check status), else {@code null}
 */
record IncomingRequest(String requestId, JsonNode body, String pathId, Instant now) {
}
