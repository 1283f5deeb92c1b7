#!/usr/bin/env bash
# Proves docker/ on a host with no Docker engine and no image registry, with Podman from Debian's packages (not part
# of the test command: it needs root and takes about ten minutes the first time, three after):
#   1. base images from Debian's packages, made once with debootstrap: a JRE 17 one for the engine and a PostgreSQL
#      one (docker/local-images/postgres) standing in for the official image;
#   2. the engine's image from docker/Dockerfile, with that base as BASE_IMAGE;
#   3. docker/compose.yaml started with podman-compose, those images given as its variables;
#   4. the proof: every service answers its health check; flows run through both replicas at once (the benchmark's
#      cluster client, each command to a replica at random, sent again to the other when one does not answer); one
#      replica is killed (SIGKILL) mid-way; every acknowledged flow is then complete, each step once; the killed
#      replica comes back and both show the same master list.
# Needs: apt-get install podman podman-compose runc debootstrap; run from anywhere as root. KEEP=1 leaves it running.
set -euo pipefail
cd "$(dirname "$0")/.."

work=${WORK:-/var/tmp/approval-podman}
project=approval-proof
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

say "packaging and building the images"
if [ -z "${SKIP_MAVEN:-}" ]; then mvn -B -ntp -q package -DskipTests; fi
build --build-arg BASE_IMAGE=localhost/jre-base:17 -f docker/Dockerfile -t localhost/approval-engine:proof .
build -f docker/local-images/postgres/Dockerfile -t localhost/approval-postgres:15 docker/local-images/postgres

export ENGINE_IMAGE=localhost/approval-engine:proof POSTGRES_IMAGE=localhost/approval-postgres:15
export DB_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
export INITIAL_ADMIN_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
compose() { podman-compose -p "$project" -f docker/compose.yaml "$@" > "$work/compose.log" 2>&1; }
finish() { if [ -z "${KEEP:-}" ]; then compose down -v || true; fi; }
trap finish EXIT
compose down -v || true

healthy() { # container: its image's health check passes within three minutes
    for _ in $(seq 1 90); do
        if podman healthcheck run "$1" > /dev/null 2>&1; then echo "$1: healthy"; return 0; fi
        sleep 2
    done
    echo "$1: not healthy"; podman logs --tail 40 "$1"; return 1
}

say "starting PostgreSQL and two engine replicas (docker/compose.yaml)"
compose up -d db
healthy "${project}_db_1"
compose up -d engine-1 engine-2
healthy "${project}_engine-1_1"
healthy "${project}_engine-2_1"

say "flows through both replicas; engine-2 killed with SIGKILL 20 s in"
java -jar benchmarks/target/benchmarks.jar cluster --urls=http://localhost:8081,http://localhost:8082 \
    --admin-key="initial-admin.$INITIAL_ADMIN_SECRET" --flows="${FLOWS:-300}" --threads=16 --warmup=30 &
client=$!
sleep 20
podman kill --signal KILL "${project}_engine-2_1"
wait "$client" # fails unless every acknowledged flow is complete, each step once

say "engine-2 back: both replicas show the same master list"
podman start "${project}_engine-2_1" > /dev/null
healthy "${project}_engine-2_1"
key="X-API-Key: initial-admin.$INITIAL_ADMIN_SECRET"
for _ in $(seq 1 50); do
    one=$(curl -sf -H "$key" localhost:8081/master-list)
    two=$(curl -sf -H "$key" localhost:8082/master-list)
    if [ "$one" = "$two" ]; then break; fi
    sleep 0.2
done
[ "$one" = "$two" ] || { echo "the replicas' master lists differ"; exit 1; }
echo "the same master list on both replicas ($(printf '%s' "$one" | grep -o '"staffId"' | wc -l) entries)"
say "proved"
