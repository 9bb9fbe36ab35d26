#!/usr/bin/env bash
# Builds the gateway if needed and runs it with demo data on the embedded ledger.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/run-demo.sh [--data-dir DIR] [--port N] [--rebuild]

Builds gateway/target/metroledger.jar when it is missing (or with --rebuild), then runs
  java -jar gateway/target/metroledger.jar serve --demo --data-dir DIR --port N
On an empty DIR the gateway creates the demo regions, labs, entities, instruments and
certificates and writes DIR/demo-credentials.json (users and their bearer tokens).
Defaults: --data-dir data, --port 8080.
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="data"
port="8080"
rebuild=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --rebuild) rebuild=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

jar="$root/gateway/target/metroledger.jar"
if [[ "$rebuild" == true || ! -f "$jar" ]]; then
  (cd "$root" && mvn -B -q -pl gateway -am package -DskipTests)
fi
exec java -jar "$jar" serve --demo --data-dir "$data_dir" --port "$port"
