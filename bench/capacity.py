#!/usr/bin/env python3
"""The capacity model of docs/capacity.md, from bench/run's measured costs per request.

  capacity.py model <results.jsonl> [<sizes.txt>]    costs per payment; replicas, database and connections
                                                     for a peak of 100, 1 000 and 10 000 payments a second
  capacity.py check <one-replica results.jsonl> <N-replica results.jsonl>
                                                     what the one-replica costs predict for the N-replica
                                                     run on the same box, against what it measured

The results are bench/run's target/bench/results.jsonl (its "cost" records, one per measured run); the
sizes are its target/bench/sizes.txt. Costs are taken at CONNS connections (16: loaded, not saturated).
"""
import json
import math
import os
import sys

CONNS = 16
# One payment at peak, as the gateway sees it: the payment page is created (one DOKU call), DOKU
# notifies the result, and the caller reads the payment once.
PAYMENT = {"page": 1, "notify": 1, "get": 1}
# A replica: the Deployment's CPU limit (k8s/base/deployment.yaml), used up to the HPA's target.
REPLICA_CORES = 1.0
REPLICA_UTILISATION = 0.70
POOL_PER_REPLICA = 20            # quarkus.datasource.reactive.max-size
MIN_REPLICAS = 3                 # the production overlay's floor (one zone lost, two left)
PG_MAX_CONNECTIONS = 100         # PostgreSQL's default
PG_RESERVED = 10                 # superuser, migrations (Flyway over JDBC), monitoring, psql
PG_UTILISATION = 0.50            # a database primary planned at half its cores at peak
PEAKS = (100, 1000, 10000)


def load(path):
    return [json.loads(line) for line in open(path) if line.strip()]


def per_request(records, conns=CONNS):
    """scenario -> figures per request (CPU ms by process, write xacts, WAL bytes, DOKU calls, rate)."""
    runs = {(r["scenario"], r["conns"]): r["wrk"] for r in records
            if r["kind"] == "wrk" and not r.get("warmup") and not r["wrk"]["non2xx"]}
    out = {}
    for c in (r for r in records if r["kind"] == "cost" and r["conns"] == conns):
        w = runs.get((c["scenario"], c["conns"]))
        if not w or not w["requests"]:
            continue
        n = w["requests"]
        seconds = w["duration_us"] / 1e6
        out[c["scenario"]] = {
            "rps": n / seconds,
            "cpu": {k: v / n for k, v in c["cpu_ms"].items()},
            "xacts": c["write_xacts"] / n, "wal": c["wal_bytes"] / n, "doku": c["doku_calls"] / n,
            "others_cores": max(0.0, os.cpu_count() * c["machine_busy_ms"] / c["machine_ms"]
                                - sum(c["cpu_ms"].values()) / 1000.0 / seconds),
            "load": c["load"],
        }
    return out


# What one payment leaves in the database: its row, its events (payment.pending when the page opens,
# payment.succeeded when DOKU's notification applies it) and DOKU's notification.
STORED = {"payments": 1, "payment_events": 2, "doku_notifications": 1}


def bytes_per_payment(sizes_path):
    """Bytes per payment from each table's bytes per row (tables, indexes, TOAST, and the run's bloat)."""
    per_row = {}
    for line in open(sizes_path):
        name, rows, size = line.rstrip("\n").split("\t")
        if int(rows):
            per_row[name] = int(size) / int(rows)
    return sum(per_row.get(t, 0) * m for t, m in STORED.items())


def model(results_path, sizes_path=None):
    costs = per_request(load(results_path))
    missing = [s for s in PAYMENT if s not in costs]
    if missing:
        sys.exit(f"no cost records at {CONNS} connections for {', '.join(missing)}")
    print(f"Per request, at {CONNS} connections ({results_path}):\n")
    print("| operation | service CPU ms | PostgreSQL CPU ms | write xacts | WAL bytes | DOKU calls | load 1 min |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for s in ("page", "money", "notify", "get", "list"):
        if s in costs:
            c = costs[s]
            print(f"| {s} | {c['cpu']['service']:.2f} | {c['cpu']['postgres']:.2f} | {c['xacts']:.2f} | "
                  f"{c['wal']:,.0f} | {c['doku']:.2f} | {c['load'][0]:.1f} → {c['load'][1]:.1f} |")
    pay = {k: sum(costs[s][k] * m for s, m in PAYMENT.items()) for k in ("xacts", "wal", "doku")}
    pay["service"] = sum(costs[s]["cpu"]["service"] * m for s, m in PAYMENT.items())
    pay["postgres"] = sum(costs[s]["cpu"]["postgres"] * m for s, m in PAYMENT.items())
    size = bytes_per_payment(sizes_path) if sizes_path else None
    print(f"\nOne payment ({' + '.join(f'{m} {s}' for s, m in PAYMENT.items())}): service {pay['service']:.2f} "
          f"CPU ms, PostgreSQL {pay['postgres']:.2f} CPU ms, {pay['xacts']:.2f} write transactions, "
          f"{pay['wal']:,.0f} WAL bytes, {pay['doku']:.2f} DOKU calls"
          + (f", {size:,.0f} bytes stored (tables and indexes)" if size else "") + ".\n")
    per_replica = REPLICA_CORES * REPLICA_UTILISATION * 1000.0 / pay["service"]
    print(f"A replica ({REPLICA_CORES:g} core at {REPLICA_UTILISATION:.0%}) carries {per_replica:,.0f} payments/s.\n")
    print("| peak payments/s | replicas | pool connections | PgBouncer (transaction mode) | write xacts/s | "
          "WAL MB/s | PostgreSQL cores (at 50 %) | DOKU calls/s | stored per hour at peak |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for peak in PEAKS:
        replicas = max(MIN_REPLICAS, math.ceil(peak / per_replica) + 1)    # + 1: a rollout or a lost node
        conns = replicas * POOL_PER_REPLICA
        bouncer = "needed" if conns > PG_MAX_CONNECTIONS - PG_RESERVED else "not needed"
        pg_cores = peak * pay["postgres"] / 1000.0 / PG_UTILISATION
        stored = f"{peak * 3600 * size / 2**30:,.1f} GiB" if size else "?"
        print(f"| {peak:,} | {replicas} | {conns} | {bouncer} | {peak * pay['xacts']:,.0f} | "
              f"{peak * pay['wal'] / 2**20:,.1f} | {pg_cores:,.1f} | {peak * pay['doku']:,.0f} | {stored} |")


def check(one_path, many_path):
    """The N-replica run's rates against what the one-replica run's costs per request predict on the
    same machine: its cores less what other processes took during the N-replica run, divided by the
    CPU of every process per request (measured with one replica) plus nginx's (measured with N)."""
    one, many = per_request(load(one_path)), per_request(load(many_path))
    print("| scenario | 1 replica: requests/s | N replicas: predicted | measured | difference | N × 1 replica "
          "| service CPU ms (1 / N) | PostgreSQL CPU ms (1 / N) | nginx CPU ms | others' cores (1 / N) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    replicas = next((r["replicas"] for r in load(many_path) if r["kind"] == "service"), 2)
    for s in ("page", "get", "list", "notify", "money"):
        if s not in one or s not in many:
            continue
        a, b = one[s], many[s]
        nginx = b["cpu"].get("nginx", 0.0)
        predicted = (os.cpu_count() - b["others_cores"]) * 1000.0 / (sum(a["cpu"].values()) + nginx)
        print(f"| {s} | {a['rps']:,.0f} | {predicted:,.0f} | {b['rps']:,.0f} | "
              f"{100.0 * (b['rps'] - predicted) / predicted:+.0f} % | {replicas * a['rps']:,.0f} | "
              f"{a['cpu']['service']:.2f} / {b['cpu']['service']:.2f} | "
              f"{a['cpu']['postgres']:.2f} / {b['cpu']['postgres']:.2f} | {nginx:.2f} | "
              f"{a['others_cores']:.2f} / {b['others_cores']:.2f} |")


if __name__ == "__main__":
    if len(sys.argv) in (3, 4) and sys.argv[1] == "model":
        model(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
