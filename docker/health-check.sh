#!/bin/bash
# The image's health check, with no JVM to start: bash's /dev/tcp asks the service in this container for its
# readiness and succeeds on 200 only (UP, or DEGRADED, which still serves); 503 (down, or its read models still
# catching up after a start), any other answer, or none within 5 s fails. Arguments: [port [path]], by default
# SERVER_PORT's port (8080) and /actuator/health/readiness.
port=${1:-${SERVER_PORT:-8080}}
path=${2:-/actuator/health/readiness}
exec 3<> "/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
read -r -t 5 _ status _ <&3 || { echo "no answer on port $port"; exit 1; }
[ "$status" = 200 ] || { echo "$path answered $status"; exit 1; }
