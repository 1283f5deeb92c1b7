"""The RESULT lines of compare-peers.sh as one table: flows/s per contender (median over rounds), and the engine's
ratio to the better peer. Usage: python3 compare-peers.py results.txt"""
import statistics
import sys


PATHS = {"http-cluster": "the service alone over HTTP"}


def parse(path):
    rows = []
    for line in open(path):
        if line.startswith("RESULT"):
            rows.append(dict(field.split("=", 1) for field in line.split()[1:] if "=" in field))
    return rows


def main(path):
    rows = parse(path)
    runs = {}
    for row in rows:
        name = row["engine"] if row["engine"] != "approval" else "approval engine, " + PATHS.get(row["path"], row["path"])
        runs.setdefault(name, []).append(float(row["flows_per_s"]))
    threads = rows[0]["threads"] if rows else "?"
    median = {name: statistics.median(values) for name, values in runs.items()}
    peers = [median[p] for p in ("flowable", "camunda") if p in median]
    best = max(peers) if peers else None
    print(f"| {threads} clients, durable H2 | flows/s (median of {max(len(v) for v in runs.values())}) | runs | x better peer |")
    print("|---|---|---|---|")
    for name, value in median.items():
        ratio = f"{value / best:.1f}x" if best else "-"
        print(f"| {name} | {value:.1f} | {', '.join(f'{v:.1f}' for v in runs[name])} | {ratio} |")
    engine = {row["path"]: row for row in rows if row["engine"] == "approval"}
    for path, row in engine.items():
        print(f"\nengine {PATHS.get(path, path)}: p50 {row['p50_ms']} ms, p99 {row['p99_ms']} ms per command, "
              f"{row['cpu_ms_per_flow']} ms CPU per flow, master list {row['master_list_lag_s']} s behind")


if __name__ == "__main__":
    main(sys.argv[1])
