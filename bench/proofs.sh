#!/usr/bin/env bash
# Inclusion proofs over HTTP: wrk asks a Release portal for /ledger/proof/<random index> of a log built beforehand by
#   dotnet run -c Release --project bench/Integritas.Bench -- proofs 10000000 10 4 DATA_DIR
# then, for the ceiling, the same portal's bench-only /bench/ceiling (a cached proof-sized file, short-circuited like
# the proof route) and /bench/ceiling-full (the same through the whole middleware pipeline). Those two routes exist only
# because this script starts the portal with INTEGRITAS_BENCH_CEILING=1.
# Usage: bench/proofs.sh DATA_DIR [seconds=10] [connections=32]. Needs wrk. Targets 127.0.0.1 only.
# SOURCE=<another checkout> publishes that tree's portal instead (to measure an older commit the same way).
set -euo pipefail
cd "$(dirname "$0")/.."
source_tree=$(realpath "${SOURCE:-.}")
data=$(realpath "$1")
seconds=${2:-10}
connections=${3:-32}
port=5199
out=$(mktemp -d)
dotnet publish "$source_tree/src/Integritas.Web" -c Release -o "$out/web" --nologo -v q >/dev/null
(cd "$out/web" && ASPNETCORE_URLS="http://127.0.0.1:$port" Integritas__DataDirectory="$data" Logging__LogLevel__Default=Warning \
   INTEGRITAS_BENCH_CEILING=1 exec dotnet Integritas.Web.dll >"$out/web.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$out"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = "200" ]; do sleep 0.1; done
size=$(curl -s "http://127.0.0.1:$port/ledger/checkpoint" | sed -n 2p)
echo "source: $source_tree ($(git -C "$source_tree" rev-parse --short HEAD)); log size: $size; load: $(cut -d' ' -f1-3 /proc/loadavg)"
cat >"$out/proof.lua" <<LUA
math.randomseed(os.time())
request = function() return wrk.format("GET", "/ledger/proof/" .. math.random(0, $size - 1)) end
LUA
tick=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# wrk, with the portal's CPU time (user + system) a request over the measured run.
measure() {
  local before after result requests
  before=$(cpu)
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "http://127.0.0.1:$port" 2>&1)
  after=$(cpu)
  echo "$result" | grep -E "Requests/sec|Latency |50%|99%|Non-2xx|requests in"
  requests=$(echo "$result" | awk '/requests in/ {print $1}')
  awk -v t="$((after - before))" -v hz="$tick" -v n="$requests" -v s="$seconds" \
    'BEGIN { printf "portal CPU: %.1f µs a request, %.2f cores busy; load: ", t * 1e6 / hz / n, t / hz / s }'
  cut -d' ' -f1-3 /proc/loadavg
}
echo "RSS before (MB): $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")"
wrk -t2 -c"$connections" -d"${seconds}s" -s "$out/proof.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 # warm-up: fills the tile cache
echo "== GET /ledger/proof/<random index below $size>"
measure -s "$out/proof.lua"
echo "RSS after load (MB): $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")"
for route in /bench/ceiling /bench/ceiling-full; do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$route")" = "200" ]; then
    echo "== GET $route (ceiling: a cached $(curl -s "http://127.0.0.1:$port$route" | wc -c)-byte file)"
    wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$port$route" >/dev/null 2>&1 # warm-up
    cat >"$out/ceiling.lua" <<LUA
request = function() return wrk.format("GET", "$route") end
LUA
    measure -s "$out/ceiling.lua"
  fi
done
