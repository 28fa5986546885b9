#!/usr/bin/env bash
# Server time of the performance pages (issue 5) at province scale, on a Release build:
#   `integritas seed --scale N` (default 30: about 1,200 OPD with 50 indicators each and five years of quarterly
#   reports), then the portal on 127.0.0.1, a warm-up, and `requests` sequential GETs of each page:
#   /kinerja (this year), /kinerja?tahun=<two years ago>, the home regency's Dinas Kesehatan, and for three other
#   regencies (12.01, 12.14, 12.75, when loaded) their overview and the page of one of their OPDs. The portal has no Server-Timing header, so "server
#   time" is curl's time_starttransfer over a keep-alive-free loopback connection (request sent -> first byte), which
#   is the server's time plus well under a millisecond of loopback; median and p95 per page in ms.
# Usage: bench/performance.sh [scale=30] [requests=50]
#   With ConnectionStrings__Postgres set (e.g. Host=127.0.0.1;Database=integritas_perf30;Username=integritas;Password=integritas;SSL Mode=Disable)
#   the CLI and the portal use that database (it must be empty or already seeded at this scale); otherwise SQLite in a
#   fresh data directory. With SKIP_SEED=1 and Integritas__DataDirectory set, an already seeded database is measured.
# Targets 127.0.0.1 only. Results go to stdout; copy them into bench/RESULTS.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-30}
requests=${2:-50}
port=5205
out=$(mktemp -d)
export Integritas__DataDirectory="${Integritas__DataDirectory:-$out/data}" Logging__LogLevel__Default=Warning
ms_now() { date +%s%3N; }
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
echo "date: $(date -u +%FT%TZ); cpus: $(nproc); database: $([ -n "${ConnectionStrings__Postgres:-}" ] && echo PostgreSQL || echo SQLite)"
dotnet publish src/Integritas.Web -c Release -o "$out/web" --nologo -v q >/dev/null
dotnet publish src/Integritas.Cli -c Release -o "$out/cli" --nologo -v q >/dev/null
if [ "${SKIP_SEED:-0}" != 1 ]; then
  dotnet "$out/cli/integritas.dll" --content-root "$out/web" migrate >/dev/null
  t0=$(ms_now)
  dotnet "$out/cli/integritas.dll" --content-root "$out/web" seed --scale "$scale" | grep -v ' of .* OPD, '
  echo "seed --scale $scale (ms): $(( $(ms_now) - t0 ))"
fi

(cd "$out/web" && ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet Integritas.Web.dll >"$out/web.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$out"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = "200" ]; do
  sleep 0.2
  kill -0 "$pid" 2>/dev/null || { cat "$out/web.log" >&2; exit 1; }
done
base="http://127.0.0.1:$port"
year=$(date -u +%Y)

# OPD pages: the home regency's Dinas Kesehatan, then the first OPD listed for three other regencies.
home=$(curl -s "$base/kinerja?urut=nama")
dinkes=$(grep -o '/kinerja/opd/[0-9]*?tahun=[0-9]*">Dinas Kesehatan<' <<<"$home" | head -1 | grep -o 'opd/[0-9]*' | cut -d/ -f2)
pages=("/kinerja" "/kinerja?tahun=$((year - 2))" "/kinerja/opd/$dinkes")
for code in 12.01 12.14 12.75; do # loaded at scale >= 30; skipped when absent
  id=$( (curl -s "$base/kinerja?wilayah=$code&urut=nama" | grep -o '/kinerja/opd/[0-9]*' | sed -n 5p | cut -d/ -f4) || true)
  if [ -n "$id" ]; then pages+=("/kinerja?wilayah=$code" "/kinerja/opd/$id"); fi
done

stats() { sort -n | awk '{a[NR]=$1} END {p=int(NR*0.95+0.999); printf "median %.1f ms  p95 %.1f ms  max %.1f ms  (n=%d)\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[p], a[NR], NR}'; }
for page in "${pages[@]}"; do
  for _ in $(seq 1 20); do curl -s -o /dev/null "$base$page"; done # warm-up: JIT, EF query compilation, caches
done
load
for page in "${pages[@]}"; do
  code=$(curl -s -o "$out/page.html" -w '%{http_code}' "$base$page")
  printf '%-28s %s %7d bytes  ' "$page" "$code" "$(wc -c <"$out/page.html")"
  for _ in $(seq 1 "$requests"); do curl -s -o /dev/null -w '%{time_starttransfer}\n' "$base$page"; done | awk '{print $1 * 1000}' | stats
done
load
echo "RSS after the runs (MB): $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")"
