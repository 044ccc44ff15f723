#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples (jdk.ExecutionSample): where the service spends its time.

  bench/hot-methods.py target/bench/service.jfr [TOP]

Prints the TOP methods by samples on top of the stack (self time), then the share of samples whose
stack passes through each library (inclusive time: a sample counts once per library on its stack).
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
    ("vert.x web client / http", "io.vertx.core.http."),
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
]


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_time, inclusive = collections.Counter(), collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        if not names:
            continue
        self_time[names[0]] += 1
        seen = set()
        for name in names:
            for label, prefix in LIBRARIES:
                if name.startswith(prefix):
                    seen.add(label)
                    break
        inclusive.update(seen)
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
