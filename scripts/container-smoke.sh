#!/bin/sh
# Builds the bot image and runs it once against a throwaway redis-server on this host, printing
# the build time, the image size, /healthz from the container, its health status and how long
# `docker stop` takes. Containers use the host's network (no bridge network needed).
#   scripts/container-smoke.sh [base-image]     # default: zhaoshang-base:bookworm-node20
# Behind an HTTPS-inspecting proxy: EXTRA_CA_FILE=<its CA certificate> scripts/container-smoke.sh
set -eu
BASE="${1:-zhaoshang-base:bookworm-node20}"
IMAGE=zhaoshang-bot:smoke
NAME="zs-smoke-$$"
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
REDIS_PORT="$(free_port)"
APP_PORT="$(free_port)"
REDIS_DIR="$(mktemp -d /tmp/zs-smoke-redis.XXXXXX)"
cleanup() {
  docker rm -f "$NAME" >/dev/null 2>&1 || true
  [ -f "$REDIS_DIR/pid" ] && kill "$(cat "$REDIS_DIR/pid")" 2>/dev/null || true
  rm -rf "$REDIS_DIR"
}
trap cleanup EXIT
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

t=$(now)
docker build -q --network host --build-arg BASE_IMAGE="$BASE" \
  --build-arg EXTRA_CA_CERT="$([ -n "${EXTRA_CA_FILE:-}" ] && cat "$EXTRA_CA_FILE")" \
  -t "$IMAGE" "$(dirname "$0")/.." >/dev/null
echo "build: $(since "$t"), image size: $(docker image inspect "$IMAGE" --format '{{.Size}}' | awk '{ printf "%.0f MB", $1 / 1e6 }')"

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$REDIS_DIR" --daemonize yes --pidfile "$REDIS_DIR/pid" >/dev/null
t=$(now)
docker run -d --name "$NAME" --network host --health-interval 3s \
  -e REDIS_URL="redis://127.0.0.1:$REDIS_PORT" -e PORT="$APP_PORT" -e BOT_ORG=smoke "$IMAGE" >/dev/null
i=0
until node -e "fetch('http://127.0.0.1:$APP_PORT/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; do
  i=$((i + 1)); [ "$i" -lt 120 ] || { docker logs "$NAME"; exit 1; }; sleep 0.5
done
echo "/healthz 200 after $(since "$t"):"
node -e "fetch('http://127.0.0.1:$APP_PORT/healthz').then(r=>r.text()).then(t=>console.log('  '+t))"
i=0
until [ "$(docker inspect --format '{{.State.Health.Status}}' "$NAME")" = healthy ]; do
  i=$((i + 1)); [ "$i" -lt 60 ] || { echo "not healthy"; exit 1; }; sleep 0.5
done
echo "docker health: healthy; user: $(docker exec "$NAME" id -un); pid 1: $(docker exec "$NAME" readlink /proc/1/exe)"
t=$(now)
docker stop "$NAME" >/dev/null
echo "docker stop: $(since "$t"), exit code $(docker inspect --format '{{.State.ExitCode}}' "$NAME")"
docker logs "$NAME" 2>&1 | tail -n 2
