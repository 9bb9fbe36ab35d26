#!/usr/bin/env bash
# Runs the gateway benchmark (docs/BENCHMARKS.md): builds the test classes when needed, then runs
# org.metroledger.gateway.bench.GatewayBench on loopback. It stops by itself.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/bench.sh [--rebuild] [name=value ...]

Measures, in one run on loopback: the ceiling of the HTTP stack (a bare Vert.x route), certificate
verifications per second through the gateway on the embedded ledger, and committed certificate
issuances per second from pre-signed requests, then a lab's CSV through `issue --csv`. Settings
(defaults): seconds=15 warmup=10 inFlight=128 connections=128 pipelining=1 certificates=300
instruments=certificates issuances=60000 csvRows=8000.
scales=10000,100000,... then loads a world of each size (scalePerInstrument=5: certificates per
instrument) and measures serve start-up, verifications and the indicators on it (scaleInFlight=32).
only=fresh runs the fresh verifications phase (?at=, never reused) alone (with scales=, each scale step
measures serve start-up and fresh verifications only), to profile a chaincode
evaluation.
Extra JVM options: BENCH_JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=/tmp/bench.jfr).

backend=fabric measures on the network of scripts/network.sh up + deploy instead: verifications and
committed issuances through the gateway's HTTP API, the same functions from a plain fabric-gateway
client (no HTTP), and the blind-write ceiling (probe:Write). Settings (defaults): seconds=20
warmup=5 inFlight=32 certificates=50 issuances=4000 connection=.network/gateway-connection.json.
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rebuild=false
fabric=false
connection_given=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    -h|--help) usage; exit 0 ;;
    connection=*) connection_given=true; args+=("$arg") ;;
    backend=fabric) fabric=true; args+=("$arg") ;;
    *=*) args+=("$arg") ;;
    *) echo "unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

if $fabric && ! $connection_given; then
  args+=("connection=$root/.network/gateway-connection.json")
fi
classes="$root/gateway/target/test-classes/org/metroledger/gateway/bench/GatewayBench.class"
classpath_file="$root/gateway/target/bench-classpath.txt"
if [[ "$rebuild" == true || ! -f "$classes" || ! -f "$classpath_file" ]]; then
  # One reactor run: on a fresh clone the chaincode module is in no repository, only in the reactor
  # (the gateway module, built last, writes the classpath file last).
  (cd "$root" && mvn -B -q -pl gateway -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test)
fi
classpath="$root/gateway/target/test-classes:$root/gateway/target/classes:$root/chaincode/target/classes:$(cat "$classpath_file")"
# shellcheck disable=SC2086
exec java -Xms1g -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "$classpath" org.metroledger.gateway.bench.GatewayBench "${args[@]}"
