#!/usr/bin/env bash
# Proves docker/ on a host with no Docker engine and no image registry, with Podman from Debian's packages (not part
# of the test command: it needs root, and took 76 s here with the jar packaged and the base images made, about 3 min
# more the first time to make them):
#   1. base images from Debian's packages, made once with debootstrap: a JRE 17 one for the engine, and PostgreSQL
#      and HAProxy ones (docker/local-images/) standing in for the official images;
#   2. the engine's image from docker/Dockerfile, with that base as BASE_IMAGE;
#   3. docker/compose.yaml started with podman-compose, those images given as its variables, the engine as REPLICAS
#      (2) replicas behind the load balancer;
#   4. the proof: every replica passes its image's health check (no JVM), under its memory limit; the load balancer
#      spreads requests over every replica and keeps a browser on one by its cookie; flows run through the load
#      balancer (the benchmark's cluster client, a request that met a replica gone sent again with the same
#      Idempotency-Key); one replica is killed (SIGKILL) mid-way; every acknowledged flow is then complete, each step
#      once; the killed replica comes back and every replica shows the same master list; failed attempts through
#      the load balancer block the guesser's address, not another client's (X-Forwarded-For believed from it); a
#      replica stopped gracefully ends by itself within the compose file's stop_grace_period.
# Run from anywhere as root; it installs podman podman-compose runc debootstrap with apt-get when missing. KEEP=1
# leaves it running; PORT (18329) is the load balancer's port on this host.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
[ "$(id -u)" = 0 ] || { echo "run as root: Podman's networks and published ports need it"; exit 1; }
for tool in podman podman-compose runc debootstrap; do
    if ! command -v "$tool" > /dev/null; then
        apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y podman podman-compose runc debootstrap
        break
    fi
done

work=${WORK:-/var/tmp/approval-podman}
project=approval-proof
replicas=${REPLICAS:-2}
port=${PORT:-18329}
mkdir -p "$work"
# Podman here: no per-container ulimits (the sandbox refuses them), runc as the runtime
cat > "$work/containers.conf" <<'CONF'
[containers]
default_ulimits = []
[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF=$work/containers.conf
build() { podman build --runtime /usr/sbin/runc --network host --format docker "$@"; }
say() { printf '\n== %s\n' "$*"; }

base_image() { # name, the packages on top of Debian's minimal base
    if ! podman image exists "$1"; then
        say "making $1 from Debian's packages ($2)"
        rm -rf "$work/rootfs"
        debootstrap --variant=minbase --include="$2" bookworm "$work/rootfs" http://deb.debian.org/debian > "$work/debootstrap.log"
        tar -C "$work/rootfs" -c . | podman import - "$1"
        rm -rf "$work/rootfs"
    fi
}
base_image localhost/jre-base:17 openjdk-17-jre-headless,ca-certificates
base_image localhost/postgres-base:15 postgresql,ca-certificates
base_image localhost/haproxy-base:2.6 haproxy

say "packaging and building the images"
if [ -z "${SKIP_MAVEN:-}" ]; then mvn -B -ntp -q package -DskipTests; fi
build --build-arg BASE_IMAGE=localhost/jre-base:17 -f docker/Dockerfile -t localhost/approval-engine:proof .
build -f docker/local-images/postgres/Dockerfile -t localhost/approval-postgres:15 docker/local-images/postgres
build -f docker/local-images/haproxy/Dockerfile -t localhost/approval-haproxy:2.6 docker/local-images/haproxy

export ENGINE_IMAGE=localhost/approval-engine:proof POSTGRES_IMAGE=localhost/approval-postgres:15 \
    LB_IMAGE=localhost/approval-haproxy:2.6 PORT=$port
# podman-compose 1.0.3 (Debian 12) takes --scale but ignores it: the compose file's replicas are this variable
export ENGINE_REPLICAS=$replicas
export DB_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
export INITIAL_ADMIN_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
key="X-API-Key: initial-admin.$INITIAL_ADMIN_SECRET"
compose() { podman-compose -p "$project" -f docker/compose.yaml "$@" > "$work/compose.log" 2>&1; }
# podman-compose 1.0.3 also ignores a network's ipam: the network is made here with the compose file's subnet
network=${project}_default
subnet=$(sed -n 's/^ *- subnet: *//p' docker/compose.yaml)
finish() {
    if [ -z "${KEEP:-}" ]; then
        compose down -v || true
        podman network rm -f "$network" > /dev/null 2>&1 || true
    fi
}
trap finish EXIT
compose down -v || true
podman network rm -f "$network" > /dev/null 2>&1 || true
podman network create --subnet "$subnet" --label "io.podman.compose.project=$project" "$network" > /dev/null

healthy() { # container: its image's health check passes within three minutes
    for _ in $(seq 1 90); do
        if podman healthcheck run "$1" > /dev/null 2>&1; then echo "$1: healthy"; return 0; fi
        sleep 2
    done
    echo "$1: not healthy"; podman logs --tail 40 "$1"; return 1
}
engine() { echo "${project}_engine_$1"; }
address() { podman inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$1"; }
# the load balancer's cookie on an answer (empty when it set none: the request went where the cookie said)
cookie() { curl -s -o /dev/null -D - "$@" "localhost:$port/actuator/health/readiness" | tr -d '\r' \
    | sed -n 's/^[Ss]et-[Cc]ookie: ENGINE=\([^;]*\).*/\1/p'; }

say "starting PostgreSQL, $replicas engine replicas and the load balancer (docker/compose.yaml)"
compose up -d db
healthy "${project}_db_1"
compose up -d
for n in $(seq 1 "$replicas"); do healthy "$(engine "$n")"; done
check_started=$(date +%s%N)
podman healthcheck run "$(engine 1)" > /dev/null
echo "one health check (bash, no JVM): $(( ($(date +%s%N) - check_started) / 1000000 )) ms"
for n in $(seq 1 "$replicas"); do
    echo "$(engine "$n"): memory limit $(podman inspect -f '{{.HostConfig.Memory}}' "$(engine "$n")") bytes"
done

say "the load balancer: every replica in turn, a browser kept on one"
for _ in $(seq 1 60); do
    seen=$(for _ in $(seq 1 $((4 * replicas))); do cookie; done | sort -u | wc -l)
    if [ "$seen" = "$replicas" ]; then break; fi
    sleep 1
done
[ "$seen" = "$replicas" ] || { echo "the load balancer answered from $seen of $replicas replicas"; exit 1; }
echo "requests without a cookie went to all $replicas replicas"
mine=$(cookie)
for _ in $(seq 1 $((2 * replicas))); do
    [ -z "$(cookie -H "Cookie: ENGINE=$mine")" ] || { echo "a request with its cookie moved replica"; exit 1; }
done
echo "requests with the cookie stayed on its replica"

say "flows through the load balancer; $(engine 2) killed with SIGKILL 20 s in"
java -jar benchmarks/target/benchmarks.jar cluster --urls="http://localhost:$port" \
    --admin-key="initial-admin.$INITIAL_ADMIN_SECRET" --flows="${FLOWS:-300}" --threads=16 --warmup=30 &
client=$!
sleep 20
podman kill --signal KILL "$(engine 2)"
wait "$client" # fails unless every acknowledged flow is complete, each step once
podman stats --no-stream --format '{{.Name}}: {{.MemUsage}}' $(for n in $(seq 1 "$replicas"); do engine "$n"; done)
for n in $(seq 1 "$replicas"); do
    [ "$(podman inspect -f '{{.State.OOMKilled}}' "$(engine "$n")")" = false ] || { echo "$(engine "$n") ran out of memory"; exit 1; }
done

say "$(engine 2) back: every replica shows the same master list"
podman start "$(engine 2)" > /dev/null
healthy "$(engine 2)"
for _ in $(seq 1 50); do
    lists=$(for n in $(seq 1 "$replicas"); do
        curl -sf -H "$key" "http://$(address "$(engine "$n")"):8080/master-list" | md5sum
    done | sort -u)
    if [ "$(printf '%s\n' "$lists" | wc -l)" = 1 ]; then break; fi
    sleep 0.2
done
[ "$(printf '%s\n' "$lists" | wc -l)" = 1 ] || { echo "the replicas' master lists differ"; exit 1; }
echo "the same master list on all $replicas replicas ($(curl -sf -H "$key" "localhost:$port/master-list" | grep -o '"staffId"' | wc -l) entries)"

say "failed attempts through the load balancer block the guesser's address only"
for _ in $(seq 1 $((10 * replicas + 5))); do
    curl -s -o /dev/null -H "X-API-Key: initial-admin.wrong" "localhost:$port/master-list"
done
here=$(curl -s -o /dev/null -w '%{http_code}' -H "$key" "localhost:$port/master-list")
[ "$here" = 429 ] || { echo "the guesser's address was not blocked: $here"; exit 1; }
# another client: bash in a replica's container (another address) asking the load balancer
elsewhere=$(podman exec "$(engine 1)" bash -c 'exec 3<> /dev/tcp/lb/8080
    printf "GET /master-list HTTP/1.0\r\nHost: lb\r\n%s\r\n\r\n" "$1" >&3; read -r _ status _ <&3; echo "$status"' \
    check "$key")
[ "$elsewhere" = 200 ] || { echo "another client's address was blocked too: $elsewhere"; exit 1; }
echo "the guesser's address: 429; another client through the same load balancer: 200"

grace=$(sed -n 's/^ *stop_grace_period: *\([0-9]*\)s.*/\1/p' docker/compose.yaml)
say "a graceful stop (SIGTERM) of $(engine 1) ends within the stop_grace_period (${grace} s)"
stop_started=$(date +%s%N)
podman stop -t "$grace" "$(engine 1)" > /dev/null
stopped=$(podman inspect -f '{{.State.ExitCode}}' "$(engine 1)")
echo "$(engine 1) stopped in $(( ($(date +%s%N) - stop_started) / 1000000 )) ms, exit code $stopped"
[ "$stopped" = 143 ] || { echo "not a graceful stop (143 is SIGTERM's, 137 a kill at the end of the grace)"; exit 1; }

say "proved in $(( $(date +%s) - started )) s"
