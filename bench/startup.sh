#!/usr/bin/env bash
# Measures, on the embedded default (SQLite in a fresh data directory):
#   - first start: process start -> /health/ready answers 200 (includes migrations and loading the demo regency)
#   - warm start:  process start -> /health/ready answers 200 on the existing database
#   - idle RSS of the warm process 10 s after it became ready
# and the time of `integritas seed --scale 33` (all of Sumatera Utara) on a fresh database.
# Usage: bench/startup.sh [runs=5]    Results go to stdout; copy them into bench/RESULTS.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=5199
out=$(mktemp -d)
dotnet publish src/Integritas.Web -c Release -o "$out/web" --nologo -v q >/dev/null
dotnet publish src/Integritas.Cli -c Release -o "$out/cli" --nologo -v q >/dev/null

ms_now() { date +%s%3N; }

# Starts the portal on a data directory; prints "<ms to ready> <pid>".
start_ready() {
  local data=$1
  local t0; t0=$(ms_now)
  (cd "$out/web" && ASPNETCORE_URLS="http://127.0.0.1:$port" Integritas__DataDirectory="$data" \
     exec dotnet Integritas.Web.dll >"$data.log" 2>&1) &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = "200" ]; do
    sleep 0.01
    if ! kill -0 "$pid" 2>/dev/null; then echo "server died; see $data.log" >&2; exit 1; fi
  done
  echo "$(( $(ms_now) - t0 )) $pid"
}

# The server runs in a process-substitution subshell, so `wait` cannot reap it: poll until it is gone, so the next
# start is not answered by the previous process while it shuts down.
stop() {
  kill "$1"
  while kill -0 "$1" 2>/dev/null; do sleep 0.05; done
}

first=(); warm=(); rss=()
for i in $(seq 1 "$runs"); do
  data="$out/data-$i"
  read -r ms pid < <(start_ready "$data"); first+=("$ms"); stop "$pid"
  read -r ms pid < <(start_ready "$data"); warm+=("$ms")
  sleep 10
  rss+=("$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")")
  stop "$pid"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "runs: $runs"
echo "first start to ready (ms): ${first[*]}  median $(median "${first[@]}")"
echo "warm start to ready (ms):  ${warm[*]}  median $(median "${warm[@]}")"
echo "idle RSS after 10 s (MB):  ${rss[*]}  median $(median "${rss[@]}")"

province="$out/province"
dotnet "$out/cli/integritas.dll" --data-dir "$province" migrate >/dev/null
t0=$(ms_now)
dotnet "$out/cli/integritas.dll" --data-dir "$province" seed --scale 33 | tail -n 1
echo "seed --scale 33 (ms): $(( $(ms_now) - t0 ))"
rm -rf "$out"
