# shellcheck shell=bash source-path=SCRIPTDIR
# Shared helpers for scripts/network.sh: paths, node definitions, process
# control, waiting, and the `peer` CLI as an organisation's admin.
# Sourced, never run; the caller has `set -euo pipefail`.

COMMON_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$COMMON_DIR/../.." && pwd)
NETWORK_SRC="$REPO_ROOT/network"
RUN_DIR=${METROLEDGER_NETWORK_DIR:-$REPO_ROOT/.network}
# Make RUN_DIR absolute: it ends up in config files and in the gateway's
# connection file.
case $RUN_DIR in /*) ;; *) RUN_DIR="$PWD/$RUN_DIR" ;; esac
ORGS_DIR="$RUN_DIR/organizations"
CONFIG_DIR="$RUN_DIR/config"
NODES_DIR="$RUN_DIR/nodes"
ARTIFACTS_DIR="$RUN_DIR/channel-artifacts"
CONNECTION_FILE="$RUN_DIR/gateway-connection.json"
# Seconds to wait for a node to become healthy / a process to exit.
WAIT_SECONDS=${METROLEDGER_WAIT_SECONDS:-60}
STOP_SECONDS=${METROLEDGER_STOP_SECONDS:-10}

# shellcheck source=../../network/network.conf
source "$NETWORK_SRC/network.conf"
# shellcheck source=ca.sh
source "$COMMON_DIR/ca.sh"
# shellcheck disable=SC2034  # used by network.sh
GENESIS_BLOCK="$ARTIFACTS_DIR/$CHANNEL_NAME.block"

log() { printf '%s [network] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'network: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- names

org_domain() { echo "$1.$NETWORK_DOMAIN"; }
org_dir() { echo "$ORGS_DIR/$(org_domain "$1")"; }
peer_name() { echo "$PEER_NODE.$1"; }              # peer0.north
orderer_name() { echo "$ORDERER_NODE.$1"; }        # orderer1.north
chaincode_name() { echo "chaincode.$1"; }          # chaincode.north
peer_host() { echo "$PEER_NODE.$(org_domain "$1")"; }
orderer_host() { echo "$ORDERER_NODE.$(org_domain "$1")"; }
peer_dir() { echo "$(org_dir "$1")/peers/$(peer_host "$1")"; }
orderer_dir() { echo "$(org_dir "$1")/orderers/$(orderer_host "$1")"; }
user_dir() { echo "$(org_dir "$1")/users/$2@$(org_domain "$1")"; }
tls_ca_file() { echo "$(org_dir "$1")/tlsca/tlsca.$(org_domain "$1")-cert.pem"; }
peer_endpoint() { echo "${PEER_HOST[$1]}:${PEER_PORT[$1]}"; }
orderer_endpoint() { echo "${ORDERER_HOST[$1]}:${ORDERER_PORT[$1]}"; }
chaincode_endpoint() { echo "${PEER_HOST[$1]}:${CC_SERVER_PORT[$1]}"; }

# All process names in start order.
all_nodes() {
  local org
  for org in "${ORGS[@]}"; do orderer_name "$org"; done
  for org in "${ORGS[@]}"; do peer_name "$org"; done
}
all_chaincode_nodes() {
  local org
  for org in "${ORGS[@]}"; do chaincode_name "$org"; done
}
# node_org NAME: the organisation part of a process name.
node_org() { echo "${1#*.}"; }
# is_known_node NAME
is_known_node() {
  local n
  for n in $(all_ca_nodes) $(all_nodes) $(all_chaincode_nodes); do [[ $n == "$1" ]] && return 0; done
  return 1
}

# ---------------------------------------------------------------- Fabric binaries

# fabric_bin_dir: where install-fabric.sh puts (or FABRIC_BIN_DIR holds) the binaries.
fabric_bin_dir() { "$REPO_ROOT/scripts/install-fabric.sh" --print-bin-dir; }

# ensure_fabric: installs the binaries if absent; sets FABRIC_BIN.
ensure_fabric() {
  FABRIC_BIN=$(fabric_bin_dir)
  local tool missing=false
  for tool in peer orderer configtxgen osnadmin discover fabric-ca-server fabric-ca-client; do
    [[ -x $FABRIC_BIN/$tool ]] || missing=true
  done
  if $missing; then
    log "Fabric binaries absent from $FABRIC_BIN; running scripts/install-fabric.sh"
    "$REPO_ROOT/scripts/install-fabric.sh" >&2 || die "cannot install Fabric's binaries (see above)"
  fi
}

# require_fabric: the binaries must already be there (for commands that run
# against a network that `up` started).
require_fabric() {
  FABRIC_BIN=$(fabric_bin_dir)
  [[ -x $FABRIC_BIN/peer ]] || die "no Fabric binaries in $FABRIC_BIN; run scripts/network.sh up first"
}

# ---------------------------------------------------------------- templates

# render_template IN OUT: replaces @ORGS_DIR@, @BUILDERS_DIR@ and the
# @<ORG>_<KIND>_PORT@ and @<ORG>_<KIND>_HOST@ tokens.
render_template() {
  local in=$1 out=$2 org up args=()
  args+=(-e "s|@ORGS_DIR@|$ORGS_DIR|g" -e "s|@BUILDERS_DIR@|$NETWORK_SRC/builders|g")
  for org in "${ORGS[@]}"; do
    up=${org^^}
    args+=(-e "s|@${up}_ORDERER_PORT@|${ORDERER_PORT[$org]}|g")
    args+=(-e "s|@${up}_ORDERER_HOST@|${ORDERER_HOST[$org]}|g")
    args+=(-e "s|@${up}_PEER_HOST@|${PEER_HOST[$org]}|g")
    args+=(-e "s|@${up}_PEER_PORT@|${PEER_PORT[$org]}|g")
  done
  sed "${args[@]}" "$in" >"$out"
  if grep -q '@[A-Z_]*@' "$out"; then
    die "unreplaced token in $out: $(grep -o '@[A-Z_]*@' "$out" | head -1)"
  fi
}

# ---------------------------------------------------------------- node definitions
# Each process has <run-dir>/nodes/<name>/{env,cmd} (one entry a line), and
# while running a pid file and a log file. start_node runs exactly that, with
# a clean environment, so a restarted node reuses its configuration.

# write_node NAME ENV_LINES CMD_LINES
write_node() {
  local dir="$NODES_DIR/$1"
  mkdir -p "$dir"
  printf '%s\n' "$2" >"$dir/env"
  printf '%s\n' "$3" >"$dir/cmd"
}

define_orderer() {
  local org=$1 name dir data
  name=$(orderer_name "$org")
  dir=$(orderer_dir "$org")
  data="$NODES_DIR/$name/data"
  mkdir -p "$data"
  write_node "$name" "$(cat <<EOF
HOME=$NODES_DIR/$name
PATH=/usr/local/bin:/usr/bin:/bin
FABRIC_CFG_PATH=$CONFIG_DIR
FABRIC_LOGGING_SPEC=${METROLEDGER_ORDERER_LOGGING:-info}
ORDERER_GENERAL_LISTENADDRESS=${ORDERER_HOST[$org]}
ORDERER_GENERAL_LISTENPORT=${ORDERER_PORT[$org]}
ORDERER_GENERAL_LOCALMSPID=${ORG_MSP[$org]}
ORDERER_GENERAL_LOCALMSPDIR=$dir/msp
ORDERER_GENERAL_TLS_PRIVATEKEY=$dir/tls/server.key
ORDERER_GENERAL_TLS_CERTIFICATE=$dir/tls/server.crt
ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE=$dir/tls/server.crt
ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY=$dir/tls/server.key
ORDERER_ADMIN_LISTENADDRESS=${ORDERER_HOST[$org]}:${ORDERER_ADMIN_PORT[$org]}
ORDERER_ADMIN_TLS_CERTIFICATE=$dir/tls/server.crt
ORDERER_ADMIN_TLS_PRIVATEKEY=$dir/tls/server.key
ORDERER_ADMIN_TLS_ROOTCAS=[$(tls_ca_file "$org")]
ORDERER_ADMIN_TLS_CLIENTROOTCAS=[$(tls_ca_file "$org")]
ORDERER_OPERATIONS_LISTENADDRESS=${ORDERER_HOST[$org]}:${ORDERER_OPS_PORT[$org]}
ORDERER_FILELEDGER_LOCATION=$data/ledger
ORDERER_CONSENSUS_WALDIR=$data/etcdraft/wal
ORDERER_CONSENSUS_SNAPDIR=$data/etcdraft/snapshot
EOF
)" "$FABRIC_BIN/orderer"
}

define_peer() {
  local org=$1 name dir data
  name=$(peer_name "$org")
  dir=$(peer_dir "$org")
  data="$NODES_DIR/$name/data"
  mkdir -p "$data"
  write_node "$name" "$(cat <<EOF
HOME=$NODES_DIR/$name
PATH=/usr/local/bin:/usr/bin:/bin
FABRIC_CFG_PATH=$CONFIG_DIR
FABRIC_LOGGING_SPEC=${METROLEDGER_PEER_LOGGING:-info}
CORE_PEER_ID=$(peer_host "$org")
CORE_PEER_LISTENADDRESS=${PEER_HOST[$org]}:${PEER_PORT[$org]}
CORE_PEER_ADDRESS=$(peer_endpoint "$org")
CORE_PEER_CHAINCODELISTENADDRESS=${PEER_HOST[$org]}:${PEER_CC_PORT[$org]}
CORE_PEER_GOSSIP_BOOTSTRAP=$(peer_endpoint "$org")
CORE_PEER_GOSSIP_EXTERNALENDPOINT=$(peer_endpoint "$org")
CORE_PEER_LOCALMSPID=${ORG_MSP[$org]}
CORE_PEER_MSPCONFIGPATH=$dir/msp
CORE_PEER_TLS_ENABLED=true
CORE_PEER_TLS_CERT_FILE=$dir/tls/server.crt
CORE_PEER_TLS_KEY_FILE=$dir/tls/server.key
CORE_PEER_TLS_ROOTCERT_FILE=$dir/tls/ca.crt
CORE_PEER_FILESYSTEMPATH=$data/production
CORE_LEDGER_SNAPSHOTS_ROOTDIR=$data/snapshots
CORE_OPERATIONS_LISTENADDRESS=${PEER_HOST[$org]}:${PEER_OPS_PORT[$org]}
EOF
)" "$(printf '%s\n' "$FABRIC_BIN/peer" node start)"
}

# define_chaincode ORG PACKAGE_ID JAR
define_chaincode() {
  local org=$1 package_id=$2 jar=$3 name java_home opts
  name=$(chaincode_name "$org")
  java_home=$(find_java_home)
  # Deliberately no CORE_PEER_*: an inherited CORE_PEER_TLS_ENABLED=true
  # makes the shim demand TLS files and exit.
  write_node "$name" "$(cat <<EOF
HOME=$NODES_DIR/$name
PATH=$java_home/bin:/usr/local/bin:/usr/bin:/bin
JAVA_HOME=$java_home
CHAINCODE_SERVER_ADDRESS=$(chaincode_endpoint "$org")
CORE_CHAINCODE_ID_NAME=$package_id
CORE_CHAINCODE_LOGGING_LEVEL=${METROLEDGER_CHAINCODE_LOGGING:-info}
EOF
)" "$(
    echo "$java_home/bin/java"
    opts=${METROLEDGER_CHAINCODE_JAVA_OPTS:--Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
    # shellcheck disable=SC2086  # the options are words
    printf '%s\n' $opts
    echo "-jar"
    echo "$jar"
  )"
}

find_java_home() {
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    echo "$JAVA_HOME"
    return
  fi
  local java
  java=$(command -v java) || die "java not found (set JAVA_HOME)"
  java=$(readlink -f "$java")
  dirname "$(dirname "$java")"
}

# ---------------------------------------------------------------- processes

pid_file() { echo "$NODES_DIR/$1/pid"; }
log_file() { echo "$NODES_DIR/$1/log"; }

# node_pid NAME: prints the pid of the running process NAME, or fails.
# A pid counts only while its /proc command line still names the executable
# we started, so a recycled pid is never signalled.
node_pid() {
  local pf pid exe
  pf=$(pid_file "$1")
  [[ -f $pf ]] || return 1
  pid=$(<"$pf")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  exe=$(head -1 "$NODES_DIR/$1/cmd")
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF "$exe" || return 1
  echo "$pid"
}

is_running() { node_pid "$1" >/dev/null; }

# start_node NAME: starts the process from its env/cmd files, in its own
# session (process group), appending to its log.
start_node() {
  local name=$1 dir="$NODES_DIR/$1" envs=() cmd=() pid
  [[ -f $dir/cmd ]] || die "no definition for '$name' under $dir (is the network up?)"
  if is_running "$name"; then
    log "$name already running (pid $(node_pid "$name"))"
    return 0
  fi
  mapfile -t envs <"$dir/env"
  mapfile -t cmd <"$dir/cmd"
  echo "---- $(date '+%F %T') start" >>"$dir/log"
  (cd "$dir" && exec setsid env -i "${envs[@]}" "${cmd[@]}" >>"$dir/log" 2>&1 </dev/null) &
  pid=$!
  echo "$pid" >"$dir/pid"
  log "started $name (pid $pid, log $dir/log)"
}

# stop_node NAME: TERM, then KILL after STOP_SECONDS; its whole process group.
stop_node() {
  local name=$1 pid i
  if ! pid=$(node_pid "$name"); then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_SECONDS * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name ignored TERM for ${STOP_SECONDS}s; killing"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$(pid_file "$name")"
  log "stopped $name (pid $pid)"
}

# stop_nodes NAME...: stop_node for each, concurrently.
stop_nodes() {
  local n pids=()
  for n in "$@"; do
    [[ -d $NODES_DIR/$n ]] || continue
    stop_node "$n" &
    pids+=($!)
  done
  ((${#pids[@]} == 0)) || wait "${pids[@]}"
}

# ---------------------------------------------------------------- waiting

# http_ok URL: true when URL answers 200.
http_ok() {
  if command -v curl >/dev/null; then
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1") == 200 ]]
  else
    local hostport=${1#http://} path
    path=/${hostport#*/}
    hostport=${hostport%%/*}
    exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}" 2>/dev/null || return 1
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
    head -1 <&3 | grep -q ' 200 '
    local rc=$?
    exec 3<&-
    return $rc
  fi
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for DESCRIPTION NODE_OR_EMPTY COMMAND...: retries COMMAND for
# WAIT_SECONDS; fails early if NODE's process died.
wait_for() {
  local what=$1 node=$2 deadline
  shift 2
  deadline=$((SECONDS + WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if [[ -n $node ]] && ! is_running "$node"; then
      tail -n 20 "$(log_file "$node")" >&2 || true
      die "$node exited while waiting for $what (log: $(log_file "$node"))"
    fi
    ((SECONDS < deadline)) || die "timed out after ${WAIT_SECONDS}s waiting for $what"
    sleep 0.5
  done
}

node_health_url() {
  local name=$1 org
  org=$(node_org "$name")
  case $name in
    "$ORDERER_NODE".*) echo "http://${ORDERER_HOST[$org]}:${ORDERER_OPS_PORT[$org]}/healthz" ;;
    "$PEER_NODE".*) echo "http://${PEER_HOST[$org]}:${PEER_OPS_PORT[$org]}/healthz" ;;
    ca.*) echo "http://${CA_HOST[$org]}:${CA_OPS_PORT[$org]}/healthz" ;;
    *) return 1 ;;
  esac
}

# wait_healthy NAME: the node's /healthz, or for a chaincode server its port.
wait_healthy() {
  local name=$1 org
  org=$(node_org "$name")
  case $name in
    chaincode.*) wait_for "$name to listen on $(chaincode_endpoint "$org")" "$name" \
      port_open "${PEER_HOST[$org]}" "${CC_SERVER_PORT[$org]}" ;;
    *) wait_for "$name /healthz" "$name" http_ok "$(node_health_url "$name")" ;;
  esac
}

# ---------------------------------------------------------------- admin CLIs

# as_admin ORG COMMAND...: runs a Fabric CLI as ORG's admin against ORG's
# peer, with a clean environment.
as_admin() {
  local org=$1
  shift
  env -i HOME="$RUN_DIR" PATH=/usr/local/bin:/usr/bin:/bin \
    FABRIC_CFG_PATH="$CONFIG_DIR" FABRIC_LOGGING_SPEC=warning \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_LOCALMSPID="${ORG_MSP[$org]}" \
    CORE_PEER_MSPCONFIGPATH="$(user_dir "$org" Admin)/msp" \
    CORE_PEER_ADDRESS="$(peer_endpoint "$org")" \
    CORE_PEER_TLS_ROOTCERT_FILE="$(tls_ca_file "$org")" \
    "$@"
}

peer_cli() {
  local org=$1
  shift
  as_admin "$org" "$FABRIC_BIN/peer" "$@"
}

# orderer_args ORG: flags for peer CLI commands that talk to ORG's orderer.
orderer_args() {
  echo "-o" "$(orderer_endpoint "$1")" "--tls" "--cafile" "$(tls_ca_file "$1")"
}

# osnadmin_cli ORG SUBCOMMAND...: ORG's admin on ORG's orderer admin endpoint.
osnadmin_cli() {
  local org=$1 admin
  shift
  admin=$(user_dir "$org" Admin)
  "$FABRIC_BIN/osnadmin" "$@" -o "${ORDERER_HOST[$org]}:${ORDERER_ADMIN_PORT[$org]}" \
    --ca-file "$(tls_ca_file "$org")" \
    --client-cert "$admin/tls/client.crt" --client-key "$admin/tls/client.key"
}

# channel_height ORG: block height of the channel on ORG's peer.
channel_height() {
  peer_cli "$1" channel getinfo -c "$CHANNEL_NAME" 2>/dev/null |
    sed -n 's/.*"height":\([0-9]*\).*/\1/p'
}

# ---------------------------------------------------------------- connection file

json_str() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# write_connection_file: <run-dir>/gateway-connection.json for the gateway.
write_connection_file() {
  local org i j u d names=() tmp
  names=(Admin)
  for ((u = 1; u <= USER_COUNT; u++)); do names+=("User$u"); done
  tmp="$CONNECTION_FILE.tmp"
  {
    echo "{"
    echo "  \"formatVersion\": 1,"
    echo "  \"network\": \"metroledger-local\","
    echo "  \"channel\": $(json_str "$CHANNEL_NAME"),"
    echo "  \"chaincode\": $(json_str "$CHAINCODE_NAME"),"
    echo "  \"runDir\": $(json_str "$RUN_DIR"),"
    echo "  \"organizations\": ["
    for ((i = 0; i < ${#ORGS[@]}; i++)); do
      org=${ORGS[$i]}
      echo "    {"
      echo "      \"name\": $(json_str "$org"),"
      echo "      \"mspId\": $(json_str "${ORG_MSP[$org]}"),"
      echo "      \"peer\": {"
      echo "        \"name\": $(json_str "$(peer_name "$org")"),"
      echo "        \"endpoint\": $(json_str "$(peer_endpoint "$org")"),"
      echo "        \"tlsRootCertPath\": $(json_str "$(tls_ca_file "$org")"),"
      echo "        \"tlsServerNameOverride\": $(json_str "$(peer_host "$org")")"
      echo "      },"
      echo "      \"orderer\": {"
      echo "        \"name\": $(json_str "$(orderer_name "$org")"),"
      echo "        \"endpoint\": $(json_str "$(orderer_endpoint "$org")"),"
      echo "        \"tlsRootCertPath\": $(json_str "$(tls_ca_file "$org")"),"
      echo "        \"tlsServerNameOverride\": $(json_str "$(orderer_host "$org")")"
      echo "      },"
      echo "      \"ca\": {"
      echo "        \"name\": $(json_str "ca-$org"),"
      echo "        \"url\": $(json_str "$(ca_url "$org")"),"
      echo "        \"certificatePath\": $(json_str "$(ca_cert_file "$org")"),"
      echo "        \"registrar\": \"Admin\""
      echo "      },"
      echo "      \"identities\": ["
      for ((j = 0; j < ${#names[@]}; j++)); do
        u=${names[$j]}
        d=$(user_dir "$org" "$u")
        echo "        {"
        echo "          \"name\": $(json_str "$u"),"
        echo "          \"fullName\": $(json_str "$u@$(org_domain "$org")"),"
        echo "          \"isAdmin\": $([[ $u == Admin ]] && echo true || echo false),"
        echo "          \"nodeOU\": $(json_str "$([[ $u == Admin ]] && echo admin || echo client)"),"
        echo "          \"certificatePath\": $(json_str "$d/msp/signcerts/$u@$(org_domain "$org")-cert.pem"),"
        echo "          \"privateKeyPath\": $(json_str "$d/msp/keystore/priv_sk"),"
        echo "          \"mspDir\": $(json_str "$d/msp")"
        echo "        }$( ((j + 1 < ${#names[@]})) && echo ,)"
      done
      echo "      ]"
      echo "    }$( ((i + 1 < ${#ORGS[@]})) && echo ,)"
    done
    echo "  ]"
    echo "}"
  } >"$tmp"
  mv "$tmp" "$CONNECTION_FILE"
}
