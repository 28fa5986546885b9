#!/usr/bin/env bash
# Open311 load on a Release build: wrk POSTs new requests (form-urlencoded, a valid api_key, no Idempotency-Key, so
# every one is a durable create), then GETs /open311/v2/requests.json with 1,000 results, and compares that with a
# static file holding the very same payload (the "bare endpoint with a cached payload of the same size").
# Usage: bench/open311.sh [seconds=10] [connections=32]
#   With ConnectionStrings__Postgres set (e.g. Host=127.0.0.1;Database=integritas_bench;Username=integritas;Password=integritas)
#   the portal and the CLI use that database (migrated and seeded on start); otherwise SQLite in a fresh data directory.
#   With Integritas__DataDirectory set, that data directory is used (it must be the one a database filled by
#   `Integritas.Bench complaints` was seeded with: it holds the transparency log's signing key).
#   Each wrk run is preceded by a warm-up run whose figures are dropped (45 s for the POSTs, `seconds` for the GETs).
# Needs wrk (apt-get install wrk). Targets 127.0.0.1 only. Results go to stdout; copy them into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
port=5311
out=$(mktemp -d)
export Integritas__DataDirectory="${Integritas__DataDirectory:-$out/data}" Integritas__SeedDemoData=true Logging__LogLevel__Default=Warning
echo "date: $(date -u +%FT%TZ); cpus: $(nproc); memory: $(free -g | awk '/Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
dotnet publish src/Integritas.Web -c Release -o "$out/web" --nologo -v q >/dev/null
dotnet publish src/Integritas.Cli -c Release -o "$out/cli" --nologo -v q >/dev/null
(cd "$out/web" && ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet Integritas.Web.dll >"$out/web.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$out"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = "200" ]; do sleep 0.2; done
key=$(cd "$out/cli" && dotnet integritas.dll apikey create --name "bench $(date -u +%FT%TZ)" --content-root "$out/web" | tail -1)
base="http://127.0.0.1:$port/open311/v2"

cat >"$out/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local codes = { "jalan-rusak", "drainase", "lampu-jalan", "sampah", "pungli" }
local n = 0
request = function()
  n = n + 1
  local lat = string.format("%.5f", 3.5 + math.random() * 0.6)
  local lon = string.format("%.5f", 98.1 + math.random() * 0.4)
  local body = "api_key=$key&service_code=" .. codes[(n % #codes) + 1] .. "&lat=" .. lat .. "&long=" .. lon
    .. "&address_string=Jl.+Uji+Beban+" .. n .. "&description=Laporan+uji+beban+nomor+" .. n .. "+dari+klien+Open311."
  return wrk.format(nil, nil, nil, body)
end
LUA

load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
# Warm-up: the portal's CPU per create falls about fourfold over its first ~40 s of load (tiered JIT, dynamic PGO).
wrk -t2 -c"$connections" -d45s -s "$out/post.lua" "$base/requests.json" >/dev/null 2>&1
echo "== POST /open311/v2/requests.json (durable creates)"
load
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$out/post.lua" "$base/requests.json" | grep -E "Requests/sec|Latency |50%|99%|Non-2xx|requests in"
load

# The list must hold 1,000 requests: top the window up with more creates if the timed run made fewer.
list="$base/requests.json?page_size=1000"
while [ "$(curl -s "$list" | grep -o '"service_request_id"' | wc -l)" -lt 1000 ]; do
  wrk -t2 -c"$connections" -d5s -s "$out/post.lua" "$base/requests.json" >/dev/null 2>&1
done
curl -s "$list" >"$out/web/wwwroot/bench-open311-requests.json"
echo "payload: $(wc -c <"$out/web/wwwroot/bench-open311-requests.json") bytes, $(grep -o '"service_request_id"' "$out/web/wwwroot/bench-open311-requests.json" | wc -l) requests"
for url in "$list" "http://127.0.0.1:$port/bench-open311-requests.json"; do
  wrk -t2 -c"$connections" -d"${seconds}s" "$url" >/dev/null 2>&1 # warm-up
  echo "== GET ${url#http://127.0.0.1:$port}"
  load
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url" | grep -E "Requests/sec|Latency |50%|99%|Non-2xx|requests in"
  load
done
echo "RSS after load (MB): $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")"
