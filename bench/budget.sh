#!/usr/bin/env bash
# Budget import throughput and memory (issue 6 "Performance"), on a Release build:
#   a fresh database (migrate + seed: the demo regency with its demo budget), `integritas budget generate-payments`
#   writes N synthetic payments over the demo year's APBD lines, then `integritas budget import payments` imports them
#   in one transaction under /usr/bin/time -v (wall time and peak resident memory of the whole process). Then the
#   portal starts on 127.0.0.1 and the regency and OPD budget pages of that year are requested (after a warm-up)
#   `requests` times each: median and p95 of curl's time_starttransfer, in ms.
# Usage: bench/budget.sh [rows=10000000] [requests=30]
#   With ConnectionStrings__Postgres set (an empty database, e.g. Host=127.0.0.1;Database=integritas_budget;Username=integritas;Password=integritas;SSL Mode=Disable)
#   PostgreSQL is measured (binary COPY); otherwise SQLite in a fresh data directory (prepared inserts).
# Results go to stdout; copy them into bench/RESULTS.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
requests=${2:-30}
port=5206
out=$(mktemp -d)
export Integritas__DataDirectory="${Integritas__DataDirectory:-$out/data}" Logging__LogLevel__Default=Warning
echo "date: $(date -u +%FT%TZ); cpus: $(nproc); memory: $(free -g | awk '/Mem:/{print $2}') GiB; database: $([ -n "${ConnectionStrings__Postgres:-}" ] && echo PostgreSQL || echo SQLite); rows: $rows"
dotnet publish src/Integritas.Web -c Release -o "$out/web" --nologo -v q >/dev/null
dotnet publish src/Integritas.Cli -c Release -o "$out/cli" --nologo -v q >/dev/null
cli() { dotnet "$out/cli/integritas.dll" --content-root "$out/web" "$@"; }
cli migrate >/dev/null
cli seed | grep -i budget
year=$(( $(date -u +%Y) - 1 ))
cli budget generate-payments "$out/payments.csv" --year "$year" --rows "$rows" --prefix BENCH | tail -1
echo "file: $(du -h "$out/payments.csv" | cut -f1)"
/usr/bin/time -v dotnet "$out/cli/integritas.dll" --content-root "$out/web" budget import payments "$out/payments.csv" --year "$year" >"$out/import.log" 2>&1 || { cat "$out/import.log"; exit 1; }
grep -E "^Import " "$out/import.log"
grep -E "Elapsed \(wall|Maximum resident" "$out/import.log" | sed 's/^\s*//'
rm -f "$out/payments.csv"

(cd "$out/web" && ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet Integritas.Web.dll >"$out/web.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$out"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = "200" ]; do
  sleep 0.2
  kill -0 "$pid" 2>/dev/null || { cat "$out/web.log" >&2; exit 1; }
done
base="http://127.0.0.1:$port"
opd=$(curl -s "$base/anggaran?tahun=$year" | grep -o 'href="/anggaran/opd/[0-9]*' | head -1 | grep -o '[0-9]*$' || true)
measure() {
  local name=$1 url=$2
  for _ in 1 2 3; do curl -s -o /dev/null "$url"; done
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  for _ in $(seq "$requests"); do curl -s -o /dev/null -w '%{time_starttransfer}\n' "$url"; done | sort -n | awk -v n="$name" -v c="$code" '
    { t[NR] = $1 * 1000 } END { printf "%-28s HTTP %s  median %6.1f ms  p95 %6.1f ms\n", n, c, t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.999)] }'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "/anggaran (regency)" "$base/anggaran?tahun=$year"
[ -n "$opd" ] && measure "/anggaran/opd/$opd" "$base/anggaran/opd/$opd?tahun=$year"
measure "absorption.csv" "$base/api/v1/budget/absorption.csv?year=$year"
