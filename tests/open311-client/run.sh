#!/usr/bin/env bash
# Cross-checks the Open311 API with a third-party client: Code for America's node-open311 (npm "open311" 0.0.12).
# Its XML parser (sparkxml) is published only on GitHub, so the package's own file is taken from the npm tarball and
# run in JSON mode with its two npm dependencies (request, lodash); the XML modules are stubs that throw if used.
# Usage: tests/open311-client/run.sh http://127.0.0.1:5000 ik_KEY   (a running portal and a key from `integritas apikey create`)
set -euo pipefail
cd "$(dirname "$0")"
base="${1:?portal base URL, e.g. http://127.0.0.1:5000}"
key="${2:?an Open311 API key}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent open311@0.0.12 >/dev/null && tar xzf open311-0.0.12.tgz)
mkdir -p vendor
cp "$work/package/open311.js" "$work/package/cities.json" vendor/
[ -d node_modules/request ] || npm install --no-audit --no-fund --silent
for stub in sparkxml xml2json; do
  mkdir -p "node_modules/$stub"
  echo "module.exports = new Proxy({}, { get() { return () => { throw new Error('$stub is not installed: use JSON'); }; } });" > "node_modules/$stub/index.js"
done
OPEN311_BASE="$base" OPEN311_KEY="$key" node crosscheck.js
