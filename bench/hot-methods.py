#!/usr/bin/env python3
"""Summarises CPU samples of the service: where it spends its time.

  bench/hot-methods.py target/bench/service.jfr [TOP]               JFR (bench/run --jfr): jdk.ExecutionSample
  bench/hot-methods.py target/bench/profile-page.collapsed [TOP]    async-profiler's collapsed stacks (bench/profile)

Prints the TOP frames by samples on top of the stack (self time), then the share of samples whose
stack passes through each library (inclusive time: a sample counts once per library on its stack).
The JIT compiler's and the garbage collector's threads appear only in async-profiler's samples.
"""
import collections
import json
import subprocess
import sys

LIBRARIES = [  # (label, frame prefix): the first match names the library of a frame
    ("gateway", "com.example.gateway."),
    ("hibernate reactive", "org.hibernate.reactive."),
    ("hibernate orm", "org.hibernate."),
    ("vert.x sql client", "io.vertx.sqlclient."),
    ("vert.x pg client", "io.vertx.pgclient."),
    ("vert.x http (server and client)", "io.vertx.core.http."),
    ("netty", "io.netty."),
    ("quarkus rest (resteasy reactive)", "org.jboss.resteasy.reactive."),
    ("quarkus security", "io.quarkus.security."),
    ("quarkus vertx-http", "io.quarkus.vertx.http."),
    ("quarkus rest client", "io.quarkus.rest.client."),
    ("fault tolerance", "io.smallrye.faulttolerance."),
    ("mutiny", "io.smallrye.mutiny."),
    ("jackson", "com.fasterxml.jackson."),
    ("micrometer", "io.micrometer."),
    ("jboss logging / logmanager", "org.jboss.log"),
    ("jdk crypto", "com.sun.crypto."),
    ("jit compiler (C1, C2)", "CompileBroker::"),
    ("garbage collector", "GenCollectedHeap::"),
]


def jfr_stacks(path):
    """(frames leaf first, weight) of each CPU sample of a JFR recording."""
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    for event in json.loads(out)["recording"]["events"]:
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        yield [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames], 1


def collapsed_stacks(path):
    """(frames leaf first, weight) of each line of async-profiler's collapsed output (root first; count)."""
    with open(path) as f:
        for line in f:
            stack, count = line.rstrip("\n").rsplit(" ", 1)
            yield [frame.replace("/", ".") for frame in reversed(stack.split(";"))], int(count)


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    stacks = jfr_stacks(path) if path.endswith(".jfr") else collapsed_stacks(path)
    self_time, inclusive = collections.Counter(), collections.Counter()
    for names, weight in stacks:
        if not names:
            continue
        self_time[names[0]] += weight
        seen = set()
        for name in names:
            if name.endswith("_[k]"):  # async-profiler marks the kernel's frames
                seen.add("kernel (system calls, scheduling)")
                continue
            for label, prefix in LIBRARIES:
                if name.startswith(prefix):
                    seen.add(label)
                    break
        inclusive.update({label: weight for label in seen})
    total = sum(self_time.values()) or 1
    print(f"{total} CPU samples")
    print(f"\nTop {top} methods (self):")
    for name, n in self_time.most_common(top):
        print(f"  {100.0 * n / total:5.1f} %  {name}")
    print("\nLibraries on the stack (inclusive):")
    for label, n in inclusive.most_common():
        print(f"  {100.0 * n / total:5.1f} %  {label}")


if __name__ == "__main__":
    main()
