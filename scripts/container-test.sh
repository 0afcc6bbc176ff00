#!/usr/bin/env bash
# `npm run test:container`: build the repository's Dockerfile with a real container engine
# (podman, installed from Debian when missing), run the image and check what docs/docker.md
# promises: /healthz answers 200, the image's HEALTHCHECK passes, the bot runs as the non-root
# `node` user as PID 1, /data is writable and /app is not, SIGTERM stops it with exit code 0
# within 10 s, a piped console session works inside the image (and its data survives a restart),
# and no better-sqlite3 build leftovers ship in the runtime layer. Prints the image's size.
#
# Not part of `npm test` (it needs root or a working podman, and 5–10 minutes); .ci/run runs it.
# Environment: PO_BOT_IMAGE (tag to build, default localhost/po-bot:test), PO_BOT_KEEP=1 (keep
# the image), PO_BOT_BASE_IMAGE_PULL=0 (do not try a registry for the base image).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMAGE=${PO_BOT_IMAGE:-localhost/po-bot:test}
BASE=docker.io/library/node:20-bookworm-slim
RUN_ID="po-bot-ct-$$"
WORK=$(mktemp -d)
T0=$(date +%s)

step() { echo; echo "=== $* ($(date -u +%T), +$(( $(date +%s) - T0 )) s)"; }
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

cleanup() {
  set +e
  podman rm -f "$RUN_ID" >/dev/null 2>&1
  podman volume rm -f "$RUN_ID-data" "$RUN_ID-console" >/dev/null 2>&1
  [ "${PO_BOT_KEEP:-0}" = 1 ] || podman rmi -f "$IMAGE" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
step "1. podman"
if ! command -v podman >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "podman is not installed, and installing it needs root: apt-get install podman runc"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq podman runc debootstrap >/dev/null
fi
podman --version
# Two host settings, in a config file of this run (the system's containers.conf is untouched):
# - crun (Debian 12's default runtime) refuses hosts with hybrid cgroups ("cgroups in hybrid
#   mode not supported"); runc works everywhere podman does;
# - podman raises nofile/nproc for root containers, which fails without CAP_SYS_RESOURCE
#   ("setrlimit RLIMIT_NOFILE: Operation not permitted"): ask for no more than the shell has.
if command -v runc >/dev/null && [ "$(id -u)" = 0 ]; then
  nofile=$(ulimit -Hn); nproc=$(ulimit -Hu)
  [ "$nofile" = unlimited ] && nofile=1048576
  [ "$nproc" = unlimited ] && nproc=32768
  [ "$nproc" -gt 32768 ] && nproc=32768   # runc refuses more without CAP_SYS_RESOURCE
  cat > "$WORK/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  export CONTAINERS_CONF="$WORK/containers.conf"
fi

# ---------------------------------------------------------------------------------------------
step "2. base image $BASE"
if podman image exists "$BASE"; then
  ok "present"
elif [ "${PO_BOT_BASE_IMAGE_PULL:-1}" = 1 ] && timeout 90 podman pull -q "$BASE" >/dev/null 2>&1; then
  ok "pulled"
else
  # No registry reachable (the project's machines): a stand-in built from Debian's archive the
  # way the official image is (bookworm, the node user uid/gid 1000, Node 20 under /usr/local,
  # the official entrypoint), tagged with the official name so the Dockerfile builds unchanged.
  echo "no registry: building a stand-in from Debian bookworm and this machine's Node 20"
  [ "$(id -u)" = 0 ] || fail "building the base image stand-in needs root (debootstrap)"
  command -v debootstrap >/dev/null || apt-get -o DPkg::Lock::Timeout=900 install -y -qq debootstrap >/dev/null
  NODE_BIN=$(readlink -f "$(command -v node)")
  PREFIX=$(dirname "$(dirname "$NODE_BIN")")
  case "$(node -p process.versions.node)" in 20.*) ;; *) fail "the stand-in needs this machine's node to be Node 20";; esac
  [ -d "$PREFIX/lib/node_modules/npm" ] || fail "npm not found under $PREFIX/lib/node_modules"
  [ -d "$PREFIX/include/node" ] || fail "node headers not found under $PREFIX/include/node (better-sqlite3 compiles against them)"
  R="$WORK/rootfs"
  MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  MIRROR=${MIRROR:-http://deb.debian.org/debian}
  debootstrap --variant=minbase bookworm "$R" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log"; fail "debootstrap"; }
  rm -f "$R/etc/apt/sources.list"
  cat > "$R/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: ${MIRROR}
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  rm -rf "$R"/var/lib/apt/lists/* "$R"/var/cache/apt/archives/*.deb "$R"/var/cache/apt/*.bin
  chroot "$R" groupadd --gid 1000 node
  chroot "$R" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  install -D -m 0755 "$NODE_BIN" "$R/usr/local/bin/node"
  mkdir -p "$R/usr/local/lib/node_modules" "$R/usr/local/include"
  cp -a "$PREFIX/lib/node_modules/npm" "$R/usr/local/lib/node_modules/"
  cp -a "$PREFIX/include/node" "$R/usr/local/include/node"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$R/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$R/usr/local/bin/npx"
  cat > "$R/usr/local/bin/docker-entrypoint.sh" <<'EOF'
#!/bin/sh
set -e
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi
exec "$@"
EOF
  chmod 0755 "$R/usr/local/bin/docker-entrypoint.sh"
  # This machine only, never in the Dockerfile: egress goes through a proxy that re-signs TLS
  # (its CA is in the host's bundle), and node-gyp must compile against the local headers
  # because better-sqlite3's prebuilt binaries (GitHub) and nodejs.org are unreachable.
  npmrc="update-notifier=false"$'\n'"nodedir=/usr/local"
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    install -D -m 0644 /etc/ssl/certs/ca-certificates.crt "$R/usr/local/etc/host-ca-bundle.crt"
    npmrc+=$'\n'"cafile=/usr/local/etc/host-ca-bundle.crt"
  fi
  printf '%s\n' "$npmrc" > "$R/usr/local/etc/npmrc"
  tar -C "$R" --numeric-owner -cf - . | podman import -q \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=$(node -p process.versions.node)" \
    --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
    --change 'CMD ["node"]' \
    - "$BASE" >/dev/null
  rm -rf "$R"
  podman run --rm --no-healthcheck "$BASE" node -e 'console.log("stand-in:", process.version, require("os").userInfo().username)'
fi

# ---------------------------------------------------------------------------------------------
step "3. podman build (the Dockerfile, unchanged)"
# --format docker: podman's default OCI format silently drops HEALTHCHECK.
B0=$(date +%s)
podman build --format docker -t "$IMAGE" "$ROOT" >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; fail "podman build"; }
BUILD_S=$(( $(date +%s) - B0 ))
ok "built in ${BUILD_S} s"
cfg=$(podman image inspect "$IMAGE" --format '{{.Config.User}}|{{json .Config.Healthcheck}}|{{.Config.StopSignal}}|{{json .Config.Volumes}}')
echo "config: $cfg"
[ "${cfg%%|*}" = node ] || fail "the image's USER is '${cfg%%|*}', not node"
grep -q '/healthz' <<<"$cfg" || fail "the image has no HEALTHCHECK on /healthz (built without --format docker?)"
grep -q '|SIGTERM|' <<<"$cfg" || fail "STOPSIGNAL is not SIGTERM"
grep -q '"/data"' <<<"$cfg" || fail "no VOLUME /data"
ok "USER node, HEALTHCHECK on /healthz, STOPSIGNAL SIGTERM, VOLUME /data"

SIZE=$(podman image inspect "$IMAGE" --format '{{.Size}}')
BASE_SIZE=$(podman image inspect "$BASE" --format '{{.Size}}')
NM=$(podman run --rm --no-healthcheck --entrypoint du "$IMAGE" -sb /app/node_modules | cut -f1)
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

# No compiler leftovers: better-sqlite3 needs build/Release/better_sqlite3.node and nothing else
# of what node-gyp left (objects, the static library, the test extension, the SQLite sources).
leftovers=$(podman run --rm --no-healthcheck --entrypoint sh "$IMAGE" -c \
  "cd /app/node_modules && find . \( -name '*.o' -o -name '*.a' -o -name '*.obj' -o -name 'obj.target' -o -name 'test_extension.node' -o -path './better-sqlite3/deps' -o -path './better-sqlite3/src' \) -print")
[ -z "$leftovers" ] || fail "build leftovers in the runtime image:"$'\n'"$leftovers"
build=$(podman run --rm --no-healthcheck --entrypoint sh "$IMAGE" -c 'cd /app/node_modules/better-sqlite3/build && find . -mindepth 1 | sort | tr "\n" " "')
[ "$build" = "./Release ./Release/better_sqlite3.node " ] || fail "better-sqlite3/build holds more than the addon: $build"
ok "no build leftovers (better-sqlite3/build: $build)"
podman run --rm --no-healthcheck --entrypoint sh "$IMAGE" -c 'command -v gcc g++ make python3 cc' && fail "a compiler or python3 is in the runtime image"
ok "no compiler or python3 in the runtime image"

# ---------------------------------------------------------------------------------------------
step "4. run: /healthz, HEALTHCHECK, user, /data, /app"
podman volume create "$RUN_ID-data" >/dev/null
# No platform token: the console chat, which waits on stdin (-i keeps it open) while PORT
# (set by the image) serves /healthz. Published on a free loopback port.
HOST_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# (--health-interval disable: podman schedules health checks with systemd timers, which this kind
# of machine lacks; the image's HEALTHCHECK is run by hand below.)
podman run -d -i --health-interval disable --name "$RUN_ID" -p "127.0.0.1:$HOST_PORT:3000" -v "$RUN_ID-data:/data" "$IMAGE" >/dev/null 2>"$WORK/run.err" || { cat "$WORK/run.err"; fail "podman run"; }
healthz() {
  node -e 'require("http").get({host:"127.0.0.1",port:+process.argv[1],path:"/healthz",timeout:3000},(r)=>{let b="";r.on("data",(d)=>b+=d);r.on("end",()=>{console.log(r.statusCode+" "+b);process.exit(r.statusCode===200?0:1)})}).on("error",()=>process.exit(2)).on("timeout",()=>process.exit(3))' "$HOST_PORT"
}
for i in $(seq 1 60); do healthz >"$WORK/healthz" 2>/dev/null && break; sleep 0.5; done
healthz >"$WORK/healthz" || { cat "$WORK/healthz"; podman logs "$RUN_ID" | tail -20; fail "/healthz did not answer 200"; }
ok "GET /healthz → $(cut -c1-120 "$WORK/healthz")"
# podman runs health checks from systemd timers; without systemd, run the image's own check by hand.
podman healthcheck run "$RUN_ID" || fail "the image's HEALTHCHECK failed against the running bot"
status=$(podman inspect "$RUN_ID" --format '{{.State.Health.Status}}')
[ "$status" = healthy ] || fail "health status is '$status'"
ok "HEALTHCHECK passes: $status"
# And it can fail: the same command pointed at a port nothing listens on must report unhealthy.
hc=$(podman image inspect "$IMAGE" --format '{{json .Config.Healthcheck.Test}}')
node -e 'const t = JSON.parse(process.argv[1]); if (t[0] !== "CMD" || t[1] !== "node" || t[2] !== "-e") process.exit(1); process.stdout.write(t[3]);' "$hc" >"$WORK/hc.js" \
  || fail "HEALTHCHECK is not [\"CMD\", \"node\", \"-e\", …]: $hc"
podman exec -e PORT=9 "$RUN_ID" node -e "$(cat "$WORK/hc.js")" && fail "the HEALTHCHECK command passed against a port with nothing on it"
ok "the HEALTHCHECK command fails when /healthz does not answer"
uid=$(podman exec "$RUN_ID" id -u)
[ "$uid" = 1000 ] || fail "the bot runs as uid $uid"
pid1=$(podman exec "$RUN_ID" sh -c 'tr "\0" " " </proc/1/cmdline')
case "$pid1" in "node dist/main.js"*) ;; *) fail "PID 1 is '$pid1', not node (SIGTERM would not reach it)";; esac
puid=$(podman exec "$RUN_ID" sh -c 'awk "/^Uid:/{print \$2}" /proc/1/status')
[ "$puid" = 1000 ] || fail "PID 1 runs as uid $puid"
ok "PID 1 is '$pid1' as uid 1000 (node)"
podman exec "$RUN_ID" sh -c 'test -s /data/po-bot.sqlite && touch /data/.write-test && rm /data/.write-test' || fail "/data is not writable or holds no database"
ok "/data is writable and holds po-bot.sqlite"
for f in /app/x /app/dist/main.js /app/node_modules/x /app/migrations/x; do
  podman exec "$RUN_ID" sh -c "touch $f" 2>/dev/null && fail "$f is writable by the bot"
done
ok "/app, dist, node_modules and migrations are read-only for the bot"

step "5. SIGTERM"
S0=$(date +%s%N)
podman stop -t 10 "$RUN_ID" >/dev/null 2>"$WORK/stop.err" || { cat "$WORK/stop.err"; fail "podman stop"; }
STOP_MS=$(( ($(date +%s%N) - S0) / 1000000 ))
code=$(podman inspect "$RUN_ID" --format '{{.State.ExitCode}}')
[ "$code" = 0 ] || fail "exit code $code after SIGTERM (137: it had to be killed)"
[ "$STOP_MS" -lt 10000 ] || fail "stopping took $STOP_MS ms"
ok "stopped by SIGTERM in $STOP_MS ms, exit code 0"

# ---------------------------------------------------------------------------------------------
step "6. a piped console session inside the image"
podman volume create "$RUN_ID-console" >/dev/null
console() { podman run --rm -i --no-healthcheck -e BOT_NOW=2026-12-01T10:00:00+08:00 -v "$RUN_ID-console:/data" "$IMAGE" node dist/main.js --json; }
printf '%s\n' 'amy: /iam 交通部' 'amy: /propose 容器測試議題 #交通部' 'bob: .react 2 👍' '/help' '/meeting ics' | console >"$WORK/console1" \
  || { cat "$WORK/console1"; fail "console session exited non-zero"; }
cat "$WORK/console1" | cut -c1-160
node - "$WORK/console1" <<'EOF'
const lines = require('fs').readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const need = (ok, what) => { if (!ok) { console.error('FAIL: ' + what); process.exit(1); } };
need(lines[0].id === 1 && lines[0].text.includes('交通部'), '/iam answered first');
need(lines[1].id === 2 && lines[1].text.includes('容器測試議題') && lines[1].text.includes('👍 0 票'), 'the card posted as #2');
need(lines.some((l) => l.id === 2 && l.text.includes('👍 1 票')), 'the reaction updated the card');
need(lines.some((l) => l.text.includes('/propose')), '/help lists /propose');
need(lines.some((l) => l.file && l.file.includes('/data/exports/') && l.file.endsWith('.ics')), '/meeting ics saved under data/exports');
EOF
podman run --rm --no-healthcheck --entrypoint sh -v "$RUN_ID-console:/data" "$IMAGE" -c 'ls /data/exports/*.ics' >/dev/null || fail "the calendar file is not on the volume"
printf '%s\n' '/issue 1' | podman run --rm -i --no-healthcheck -e BOT_NOW=2026-12-01T10:00:00+08:00 -e PO_BOT_CODE_CACHE=report -v "$RUN_ID-console:/data" "$IMAGE" node dist/main.js --json >"$WORK/console2" 2>"$WORK/console2.err" \
  || { cat "$WORK/console2.err"; fail "second console session"; }
grep -q '👍 1 票' "$WORK/console2" || { cat "$WORK/console2"; fail "the vote did not survive a restart on the volume"; }
# The build's code cache was written by the image's own Node: V8 must take it (else every start
# compiles the bundle from source, about twice the start-up time).
grep -q 'po-bot: code cache used' "$WORK/console2.err" || { cat "$WORK/console2.err"; fail "the image's Node refused the build's code cache"; }
ok "console session in the image: /iam, /propose, a reaction vote, /help, /meeting ics on /data; the vote is there after a restart; the code cache is used"

# ---------------------------------------------------------------------------------------------
step "summary"
echo "image $IMAGE: $(mib "$SIZE") (base $BASE $(mib "$BASE_SIZE"), po-bot's layers $(mib $((SIZE - BASE_SIZE))), /app/node_modules $(mib "$NM"))"
echo "build ${BUILD_S} s, SIGTERM stop ${STOP_MS} ms, whole run $(( $(date +%s) - T0 )) s"
echo "CONTAINER TEST OK"
