#!/usr/bin/env bash
# Inclusion proofs over HTTP: wrk asks a Release portal for /ledger/proof/<random index> of a log built beforehand by
#   dotnet run -c Release --project bench/Integritas.Bench -- proofs 10000000 10 4 DATA_DIR
# Usage: bench/proofs.sh DATA_DIR [seconds=10] [connections=32]. Needs wrk. Targets 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(realpath "$1")
seconds=${2:-10}
connections=${3:-32}
port=5199
out=$(mktemp -d)
dotnet publish src/Integritas.Web -c Release -o "$out/web" --nologo -v q >/dev/null
(cd "$out/web" && ASPNETCORE_URLS="http://127.0.0.1:$port" Integritas__DataDirectory="$data" Logging__LogLevel__Default=Warning \
   exec dotnet Integritas.Web.dll >"$out/web.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$out"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = "200" ]; do sleep 0.1; done
size=$(curl -s "http://127.0.0.1:$port/ledger/checkpoint" | sed -n 2p)
echo "log size: $size"
cat >"$out/proof.lua" <<LUA
math.randomseed(os.time())
request = function() return wrk.format("GET", "/ledger/proof/" .. math.random(0, $size - 1)) end
LUA
echo "RSS before (MB): $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")"
wrk -t2 -c"$connections" -d"${seconds}s" -s "$out/proof.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 # warm-up: fills the tile cache
echo "== GET /ledger/proof/<random index below $size>"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$out/proof.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|Latency |50%|99%|Non-2xx|requests in"
echo "RSS after load (MB): $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")"
