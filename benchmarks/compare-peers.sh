#!/usr/bin/env bash
# The engine beside the peers, interleaved, at the same concurrency, all durable on embedded H2 files:
# Flowable 7.2 and Camunda 7.24 from the peer harness (../shared/peer-bench, or PEER_BENCH), and this engine
# through its command bus and over HTTP in the same process, then as users deploy it: the packaged service alone in
# its own process (the image's 192 MiB heap), driven over HTTP from another. Prints one table of flows/s and of the
# engine's ratio to the better peer.
#
#   benchmarks/compare-peers.sh                         # 64 clients, 2000 flows after 12000 to warm up, one round
#   THREADS=2 ROUNDS=3 N=2000 benchmarks/compare-peers.sh
#
# The long warm-up is needed: after 2,000-3,000 flows the JIT compiler still took about a sixth of the CPU of the
# measured run (docs/performance.md), for the peers as for the engine.
#
# Knobs: THREADS [64] N [2000] WARMUP [12000] ROUNDS [1] JAVA_OPTS ["-Xms1g -Xmx1g"] PEER_BENCH [../shared/peer-bench]
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${THREADS:-64}; N=${N:-2000}; WARMUP=${WARMUP:-12000}; ROUNDS=${ROUNDS:-1}
JAVA_OPTS=${JAVA_OPTS:-"-Xms1g -Xmx1g"}
PEER_BENCH=${PEER_BENCH:-../shared/peer-bench}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the peers build in a copy, so their sources stay as they are
cp -r "$PEER_BENCH" "$work/peers"
(cd "$work/peers" && mvn -B -ntp -q package -DskipTests)
rm -f benchmarks/target/benchmarks.jar # the repackaged jar is not always rebuilt over an older one
mvn -B -ntp -q package -DskipTests

results="$work/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  for peer in flowable camunda; do
    echo ">>> round $round: $peer, $THREADS clients" >&2
    java $JAVA_OPTS -Dh2.dir="$work/data-$peer-$round" -Dh2.opts=";WRITE_DELAY=0" \
      -jar "$work/peers/$peer-bench/target/$peer-bench.jar" "$N" "$THREADS" "$WARMUP" | grep '^RESULT' >> "$results"
  done
  echo ">>> round $round: approval engine, $THREADS clients" >&2
  if ! java $JAVA_OPTS -jar benchmarks/target/benchmarks.jar --flows="$N" --threads="$THREADS" --warmup="$WARMUP" \
    > "$work/engine-$round.log" 2>&1; then
    echo "the engine's run failed:" >&2; grep -v INFO "$work/engine-$round.log" | tail -40 >&2; exit 1
  fi
  grep '^RESULT' "$work/engine-$round.log" >> "$results"
  grep -E '^heap' "$work/engine-$round.log" >&2 || true
  echo ">>> round $round: the service alone, $THREADS clients over HTTP" >&2
  if ! MALLOC_ARENA_MAX=2 java -jar benchmarks/target/benchmarks.jar cluster --database=h2 --nodes=1 \
    --node-java-opts="-Xms192m -Xmx192m -XX:+UseParallelGC" --flows="$N" --threads="$THREADS" --warmup="$WARMUP" \
    > "$work/service-$round.log" 2>&1; then
    echo "the service's run failed:" >&2; grep -v INFO "$work/service-$round.log" | tail -40 >&2; exit 1
  fi
  grep '^RESULT' "$work/service-$round.log" >> "$results"
  grep -E '^node 1' "$work/service-$round.log" >&2 || true
done
python3 benchmarks/compare-peers.py "$results"
