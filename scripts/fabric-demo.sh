#!/usr/bin/env bash
# The gateway with demo data on a real three-centre Fabric network, in one command: installs
# Fabric's binaries, brings the network up, deploys the chaincode and serves the gateway.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/fabric-demo.sh [--data-dir DIR] [--port N]
       scripts/fabric-demo.sh --down [--data-dir DIR]

Without --down, in order (each step is skipped when already done):
  1. scripts/install-fabric.sh        Fabric's and Fabric CA's binaries: FABRIC_BIN_DIR (release
                                      binaries), the cache, FABRIC_SOURCE and FABRIC_CA_SOURCE
                                      (source release archives to build from), or go install
  2. mvn package                      gateway/target/metroledger.jar and the chaincode jar
  3. scripts/network.sh up            3 Fabric CAs, 3 orderers + 3 peers, channel "metrology"
  4. scripts/network.sh deploy        the chaincode as a service on every peer
  5. metroledger.jar serve --backend fabric --demo --data-dir DIR --port N
     (the demo world is created once, when the chaincode holds no region yet)
--down stops the network, removes it and DIR. Defaults: --data-dir data-fabric, --port 8080.
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="data-fabric"
port="8080"
down=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --down) down=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "fabric-demo: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

if $down; then
  "$root/scripts/network.sh" down
  rm -rf "$data_dir"
  echo "fabric-demo: network and $data_dir removed"
  exit 0
fi

"$root/scripts/install-fabric.sh" >/dev/null
jar="$root/gateway/target/metroledger.jar"
if [[ ! -f $jar || ! -f $root/chaincode/target/metroledger-chaincode.jar ]]; then
  (cd "$root" && mvn -B -q -pl gateway -am package -DskipTests)
fi
if [[ "$("$root/scripts/network.sh" status | awk '$3 == "running," || $3 == "running" {n++} END {print n+0}')" -lt 6 ]]; then
  "$root/scripts/network.sh" up
fi
"$root/scripts/network.sh" deploy --jar "$root/chaincode/target/metroledger-chaincode.jar"
connection="${METROLEDGER_NETWORK_DIR:-$root/.network}/gateway-connection.json"
exec java -jar "$jar" serve --backend fabric --fabric-connection "$connection" --demo \
  --data-dir "$data_dir" --port "$port"
