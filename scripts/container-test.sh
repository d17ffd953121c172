#!/usr/bin/env bash
# Builds the bot's image from the real Dockerfile and runs it against the Discord emulator, for real:
#
#   0. the AOT training run of the image never contacts Discord (run again here, against the emulator);
#   1. /actuator/health reaches UP (token from a mounted secret file, read-only root file system), and the
#      image's HEALTHCHECK passes;
#   2. POST /emulator/messages with .idea gets the bot's reply;
#   3. the bot runs as a non-root user;
#   4. podman stop (SIGTERM) ends the container within 10 s, with a clean JDA shutdown, exit code 0 or 143;
#   5. the JVM maps the AOT cache at run time;
#   6. prints the image size and the time from `podman run` to health UP, with and without the AOT cache
#      (median of 3 each, each run against a fresh emulator).
#
# Needs root (rootful podman) and Debian's packages podman, runc and debootstrap; installs them when
# missing. There is no Docker engine nor image registry here: the base image is a stand-in JRE 25 built from
# Debian's openjdk-25-jre-headless with debootstrap, cached outside the repository (CONTAINER_TEST_CACHE).
# Run it after `./mvnw verify` (it needs the jar and the compiled test classes, which hold the emulator):
#
#   bash scripts/container-test.sh
set -Eeuo pipefail
# A command that fails outside a check ends the script (set -e); the exit then says which one and where.
trap 'err_status=$? err_line=$LINENO err_command=$BASH_COMMAND' ERR
say_unexpected_exit() {
  if (( $1 != 0 )) && [[ -z ${failed:-} && -n ${err_line:-} ]]; then
    printf '\n    FAIL  line %s: "%s" exited with %s\n' "$err_line" "$err_command" "$err_status" >&2
  fi
}
trap 'say_unexpected_exit $?' EXIT
cd "$(dirname "$0")/.."

CACHE_DIR=${CONTAINER_TEST_CACHE:-/var/cache/discord-bot-container-test}
BASE_IMAGE=${JAVA_IMAGE:-localhost/jre:25}
IMAGE=localhost/discord-bot:test
RUNS=${CONTAINER_TEST_RUNS:-3}
OUT=target/container
CONTAINER=discord-bot-test-$$

step() { printf '\n==> %s\n' "$*"; }
pass() { printf '    PASS  %s\n' "$*"; }
fail() {
  failed=1
  printf '\n    FAIL  %s\n' "$*" >&2
  if [[ -n ${show_logs:-} ]] && podman container exists "$CONTAINER" 2>/dev/null; then
    printf '\n---- the bot container log (last 60 lines) ----\n' >&2
    podman logs "$CONTAINER" 2>&1 | tail -60 >&2
  fi
  if [[ -f $OUT/emulator.log ]]; then
    printf '\n---- the emulator log (last 20 lines) ----\n' >&2
    tail -20 "$OUT/emulator.log" >&2
  fi
  exit 1
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# ---- tools ------------------------------------------------------------------------------------------------
need=()
for tool in podman runc debootstrap curl; do
  command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
if ((${#need[@]})); then
  step "Installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
java25=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)
[[ -x $java25 ]] || fail "no JDK 25 under /usr/lib/jvm (it runs the emulator)"

mkdir -p "$CACHE_DIR" "$OUT"
# Podman as this sandbox allows it: no default ulimits, the runc runtime, the host's network.
cat > "$CACHE_DIR/containers.conf" <<'EOF'
[containers]
default_ulimits = []
EOF
export CONTAINERS_CONF=$CACHE_DIR/containers.conf
podman() { command podman --runtime runc "$@"; }

# ---- the stand-in base image: a JRE 25 from Debian's packages ----------------------------------------------
if [[ $BASE_IMAGE == localhost/jre:25 ]] && ! podman image exists "$BASE_IMAGE"; then
  rootfs_tar=$CACHE_DIR/jre25-trixie-rootfs.tar
  if [[ ! -s $rootfs_tar ]]; then
    step "Building the stand-in base image (debootstrap trixie + openjdk-25-jre-headless, once)"
    rootfs=$(mktemp -d "$CACHE_DIR/rootfs.XXXXXX")
    debootstrap --variant=minbase --include=ca-certificates,openjdk-25-jre-headless trixie "$rootfs" \
      http://deb.debian.org/debian > "$CACHE_DIR/debootstrap.log" 2>&1 \
      || { tail -20 "$CACHE_DIR/debootstrap.log" >&2; fail "debootstrap of the stand-in base failed"; }
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" -cf "$rootfs_tar.part" . && mv "$rootfs_tar.part" "$rootfs_tar"
    rm -rf "$rootfs"
  fi
  podman import "$rootfs_tar" "$BASE_IMAGE" >/dev/null 2>&1
fi
base_java=$(podman run --rm --network host "$BASE_IMAGE" java -version 2>&1) || fail "java -version in $BASE_IMAGE failed"
echo "    base image $BASE_IMAGE: ${base_java%%$'\n'*}"

# ---- the jar, the emulator's classpath ----------------------------------------------------------------------
jars=(target/discord-bot-*.jar)
if [[ ! -f ${jars[0]} || ! -d target/test-classes ]]; then
  step "Packaging the jar (no test run)"
  ./mvnw -q package -DskipTests
fi
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test \
  >/dev/null

# ---- build --------------------------------------------------------------------------------------------------
step "Building $IMAGE from the Dockerfile (JAVA_IMAGE=$BASE_IMAGE)"
started=$(now_ms)
podman build --format docker --network host --build-arg "JAVA_IMAGE=$BASE_IMAGE" -t "$IMAGE" . \
  > "$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log" >&2; fail "podman build failed (log: $OUT/build.log)"; }
build_ms=$(( $(now_ms) - started ))
pass "built in $(( build_ms / 1000 )) s"

step "Layers: a code change rebuilds only the application layer (and the AOT cache after it)"
changed=$(mktemp -d)
mkdir -p "$changed/target/BOOT-INF/classes"
cp Dockerfile .dockerignore "$changed/"
cp target/discord-bot-*.jar "$changed/target/"
echo "changed=$(date +%s%N)" > "$changed/target/BOOT-INF/classes/code-change.properties"
(cd "$changed/target" && "$(dirname "$java25")/jar" uf discord-bot-*.jar BOOT-INF/classes/code-change.properties)
rm -rf "$changed/target/BOOT-INF"
podman build --format docker --network host --build-arg "JAVA_IMAGE=$BASE_IMAGE" -t "$IMAGE-changed" "$changed" \
  > "$OUT/rebuild.log" 2>&1 || { tail -20 "$OUT/rebuild.log" >&2; fail "the rebuild failed"; }
rm -rf "$changed"
podman rmi "$IMAGE-changed" >/dev/null 2>&1 || true
cached_step() { grep -A1 -F "$1" "$OUT/rebuild.log" | grep -q 'Using cache'; }
cached_step 'COPY --from=layers /build/extracted/dependencies/' || fail "the dependencies layer was rebuilt for a code change"
if cached_step 'COPY --from=layers /build/extracted/application/'; then fail "the application layer did not change"; fi
pass "dependencies layer reused from the cache, application layer rebuilt"

# ---- the emulator, as its own process on loopback ----------------------------------------------------------
emulator_pid=
cleanup() {
  local rc=$?
  say_unexpected_exit "$rc"
  podman rm -f "$CONTAINER" >/dev/null 2>&1 || true
  [[ -n $emulator_pid ]] && kill "$emulator_pid" 2>/dev/null || true
}
trap cleanup EXIT
start_emulator() {
  [[ -n $emulator_pid ]] && { kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; }
  # the previous emulator's log goes first: the new process empties it only once it runs, and until then the
  # loop below would read the previous emulator's address (a bot started against it found nobody listening)
  rm -f "$OUT/emulator.log"
  "$java25" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    io.github.jdaboot.TestDiscordBotApplication --emulator-only --emulator.port=0 > "$OUT/emulator.log" 2>&1 &
  emulator_pid=$!
  # the line "DISCORD_REST_URL=… DISCORD_GATEWAY_URL=… DISCORD_TOKEN=…", read only once the token has begun
  # (so both URLs are whole: the log may be read while the line is being written)
  local line=
  for _ in $(seq 1 200); do
    line=$(grep -m1 -o 'DISCORD_REST_URL=[^ ]* DISCORD_GATEWAY_URL=[^ ]* DISCORD_TOKEN=' "$OUT/emulator.log" || true)
    [[ -n $line ]] && break
    kill -0 "$emulator_pid" 2>/dev/null || fail "the emulator did not start"
    sleep 0.1
  done
  [[ -n $line ]] || fail "the emulator did not say where it listens"
  read -r rest_url gateway_url _ <<<"$line"
  rest_url=${rest_url#DISCORD_REST_URL=}
  gateway_url=${gateway_url#DISCORD_GATEWAY_URL=}
  emulator=${rest_url%/api/v10/}
}
token=emulator-bot-token

# A free port for the bot's HTTP server (the container shares the host's network).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  fail "no free port found"
}

# run_bot NAME [podman run options...]: starts the image; prints nothing.
run_bot() {
  podman rm -f "$CONTAINER" >/dev/null 2>&1 || true
  podman run -d --name "$CONTAINER" --network host \
    -e "DISCORD_REST_URL=$rest_url" -e "DISCORD_GATEWAY_URL=$gateway_url" -e "SERVER_PORT=$port" \
    "$@" "$IMAGE" >/dev/null 2>>"$OUT/podman.log"   # (podman's complaint that there is no systemd for health timers)
}
# wait_up: waits until /actuator/health answers 200 (UP); fails after 60 s.
wait_up() {
  for _ in $(seq 1 1200); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health" && return 0
    [[ $(podman inspect -f '{{.State.Running}}' "$CONTAINER" 2>/dev/null) == true ]] \
      || fail "the bot container exited before its health was UP"
    sleep 0.05
  done
  fail "/actuator/health did not reach UP within 60 s: $(curl -s "http://127.0.0.1:$port/actuator/health")"
}

# ---- 0. the training run contacts nobody -------------------------------------------------------------------
step "0. The image's AOT training run (spring.context.exit=onRefresh) never contacts Discord"
start_emulator
port=$(free_port)
connections() { curl -fs "$emulator/emulator/status" | grep -o '"tcp_connections":[0-9]*' | cut -d: -f2; }
before=$(connections)
podman run --rm --network host -e "DISCORD_TOKEN=$token" -e "DISCORD_REST_URL=$rest_url" \
  -e "DISCORD_GATEWAY_URL=$gateway_url" -e "SERVER_PORT=$port" \
  -e "JAVA_TOOL_OPTIONS=-Dspring.context.exit=onRefresh" "$IMAGE" > "$OUT/training.log" 2>&1 \
  || { tail -30 "$OUT/training.log" >&2; fail "the refresh-only run failed"; }
grep -q 'Root WebApplicationContext: initialization completed' "$OUT/training.log" || fail "the refresh-only run did not start the context"
after=$(connections)
# the only connection in between is the status request that reads the count
(( after == before + 1 )) || fail "the refresh-only run opened $(( after - before - 1 )) connection(s) to the emulator"
pass "context refreshed and exited; the emulator accepted no connection from it (REST or gateway)"

# ---- 1-5 ----------------------------------------------------------------------------------------------------
show_logs=1
secret_dir=$(mktemp -d)
printf '  %s\n' "$token" > "$secret_dir/discord-token"   # whitespace around it, as secrets often have
chmod 644 "$secret_dir/discord-token"

step "1. /actuator/health reaches UP (token from a mounted secret file, read-only root file system)"
port=$(free_port)
run_bot --read-only -v "$secret_dir/discord-token:/run/secrets/discord-token:ro" \
  -e DISCORD_TOKEN_FILE=/run/secrets/discord-token -e "JAVA_TOOL_OPTIONS=-Xlog:aot=info"
wait_up
health=$(curl -s "http://127.0.0.1:$port/actuator/health")
pass "UP: ${health:0:120}..."
podman healthcheck run "$CONTAINER" >/dev/null || fail "the image's HEALTHCHECK says unhealthy while health is UP"
pass "the image's HEALTHCHECK (bash, no curl in the image) passes"

step "2. .idea gets the bot's reply"
posted=$(curl -fs -X POST "$emulator/emulator/messages" -H 'Content-Type: application/json' \
  -d '{"content": ".idea"}') || fail "POST /emulator/messages failed"
message_id=$(grep -o '"id":"[0-9]*"' <<<"$posted" | head -1 | cut -d'"' -f4)
reply=
for _ in $(seq 1 100); do
  messages=$(curl -fs "$emulator/emulator/messages")
  if grep -qF "\"message_reference\":{\"type\":0,\"message_id\":\"$message_id\"" <<<"$messages"; then
    reply=$(grep -o '"content":"Okay, so how about this:[^"]*"' <<<"$messages" || true)
    break
  fi
  sleep 0.1
done
[[ -n $reply ]] || fail "no reply to message $message_id starting 'Okay, so how about this:': $(curl -s "$emulator/emulator/messages")"
pass "a reply to $message_id: $(cut -d'"' -f4 <<<"$reply")"

step "3. The bot runs as a non-root user"
uid=$(podman exec "$CONTAINER" id -u)
[[ $uid != 0 ]] || fail "the bot runs as root"
pass "uid $uid ($(podman exec "$CONTAINER" id -un)), process: $(podman top "$CONTAINER" user args | tail -1 | cut -c1-80)"

step "5. The AOT cache is used at run time"
grep -q 'Opened AOT cache app.aot' <(podman logs "$CONTAINER" 2>&1) \
  || fail "the JVM did not open the AOT cache (no 'Opened AOT cache' line with -Xlog:aot=info)"
pass "$(podman logs "$CONTAINER" 2>&1 | grep -m1 -o 'Opened AOT cache app.aot.*')"

step "4. podman stop (SIGTERM) ends it within 10 s with a clean shutdown"
started=$(now_ms)
podman stop -t 10 "$CONTAINER" >/dev/null 2>>"$OUT/podman.log"
stop_ms=$(( $(now_ms) - started ))
exit_code=$(podman inspect -f '{{.State.ExitCode}}' "$CONTAINER")
podman logs "$CONTAINER" > "$OUT/bot.log" 2>&1
(( stop_ms < 10000 )) || fail "stopping took $stop_ms ms (podman killed it after 10 s)"
[[ $exit_code == 0 || $exit_code == 143 ]] || fail "exit code $exit_code"
grep -q 'Discord gateway sessions closed' "$OUT/bot.log" || fail "no clean JDA shutdown in the log"
if grep -q 'did not close within' "$OUT/bot.log"; then fail "JDA had to be forced down"; fi
if grep -qF "$token" "$OUT/bot.log"; then fail "the token appears in the bot's log"; fi
pass "stopped in $stop_ms ms, exit code $exit_code, 'Discord gateway sessions closed', the token never logged"
if podman image inspect "$IMAGE" | grep -qF "$token"; then fail "the token is in the image's metadata"; fi

# ---- 6. figures ---------------------------------------------------------------------------------------------
step "6. Image size and time from podman run to health UP (median of $RUNS)"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
with=() without=()
for i in $(seq 1 "$RUNS"); do
  for mode in auto off; do
    # A fresh emulator for each run: like Discord it takes one IDENTIFY per 5 s, and a bot that starts within
    # 5 s of the previous run's IDENTIFY is told to wait (JDA retries about 7 s later), which would be timed
    # here as start-up.
    start_emulator
    port=$(free_port)
    started=$(now_ms)
    run_bot -e "DISCORD_TOKEN=$token" -e "JAVA_TOOL_OPTIONS=-XX:AOTMode=$mode"
    wait_up
    elapsed=$(( $(now_ms) - started ))
    podman stop -t 10 "$CONTAINER" >/dev/null 2>>"$OUT/podman.log"
    if [[ $mode == auto ]]; then with+=("$elapsed"); else without+=("$elapsed"); fi
    printf '    run %d, AOT cache %-3s: %5d ms\n' "$i" "$([[ $mode == auto ]] && echo on || echo off)" "$elapsed"
  done
done
podman rm -f "$CONTAINER" >/dev/null
size_bytes=$(podman image inspect -f '{{.Size}}' "$IMAGE")
base_bytes=$(podman image inspect -f '{{.Size}}' "$BASE_IMAGE")
history=$(podman history --format '{{.Size}}\t{{.CreatedBy}}' "$IMAGE")
app_layers=$(sed -n '1,9p' <<<"$history" | sed -E 's/\t.*(COPY|RUN|USER|EXPOSE|HEALTHCHECK|ENTRYPOINT)/\t\1/' | cut -c1-90)
mb() { awk -v b="$1" 'BEGIN {printf "%.0f MB", b / 1000000}'; }
{
  echo "| Container figure | Value |"
  echo "| --- | --- |"
  echo "| Image size (base $(mb "$base_bytes")) | $(mb "$size_bytes") |"
  echo "| podman run → health UP, AOT cache on (median of $RUNS; min-max) | $(median "${with[@]}") ms ($(printf '%s\n' "${with[@]}" | sort -n | head -1)-$(printf '%s\n' "${with[@]}" | sort -n | tail -1)) |"
  echo "| podman run → health UP, AOT cache off (median of $RUNS; min-max) | $(median "${without[@]}") ms ($(printf '%s\n' "${without[@]}" | sort -n | head -1)-$(printf '%s\n' "${without[@]}" | sort -n | tail -1)) |"
  echo "| podman stop → exited (SIGTERM, clean JDA shutdown) | $stop_ms ms |"
  echo "| Image build time (this run) | $(( build_ms / 1000 )) s |"
} > "$OUT/summary.md"
printf '\n'
cat "$OUT/summary.md"
printf '\nLayers, newest first:\n%s\n' "$app_layers"
printf '\nAll container checks passed.\n'
