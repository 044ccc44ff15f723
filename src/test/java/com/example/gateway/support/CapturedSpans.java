package com.example.gateway.support;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * The test application's span exporter (a CDI {@link SpanExporter} takes the place of OTLP): spans go to
 * OpenTelemetry's {@link InMemorySpanExporter}, but only between {@link #start()} and the test's end,
 * so that the rest of the suite does not pile spans up in memory.
 */
@Singleton
@Unremovable
public class CapturedSpans implements SpanExporter {

    private final InMemorySpanExporter memory = InMemorySpanExporter.create();
    private volatile boolean recording;

    /** Forgets what was captured and captures from now on. */
    public void start() {
        memory.reset();
        recording = true;
    }

    /** Stops capturing and forgets. */
    public void stop() {
        recording = false;
        memory.reset();
    }

    public List<SpanData> spans() {
        return memory.getFinishedSpanItems();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return recording ? memory.export(spans) : CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return memory.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
