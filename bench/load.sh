#!/usr/bin/env bash
# Read load on the embedded default: wrk against the home page (all OPD with their heads), the OPD list page,
# the JSON API and the readiness check, on a Release build with the demo regency.
# Usage: bench/load.sh [seconds=10] [connections=32]. Needs wrk (apt-get install wrk). Targets 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
port=5198
out=$(mktemp -d)
dotnet publish src/Integritas.Web -c Release -o "$out/web" --nologo -v q >/dev/null
(cd "$out/web" && ASPNETCORE_URLS="http://127.0.0.1:$port" Integritas__DataDirectory="$out/data" Logging__LogLevel__Default=Warning \
   exec dotnet Integritas.Web.dll >"$out/web.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$out"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = "200" ]; do sleep 0.1; done
for path in / "/opd?q=dinas&sort=name" "/api/v1/opds?pageSize=50" /health/ready; do
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" >/dev/null 2>&1 # warm-up
  echo "== GET $path"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency |50%|99%|Non-2xx"
done
echo "RSS after load (MB): $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")"
