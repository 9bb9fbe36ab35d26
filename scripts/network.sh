#!/usr/bin/env bash
# One entry point for MetroLedger's local Hyperledger Fabric network: three
# regional centres (NorthMSP, EastMSP, CentralSouthMSP), each with one peer
# and one Raft orderer, all native processes (no Docker), each on the host
# network/network.conf names for it (default 127.0.0.1).
set -euo pipefail

# shellcheck source=lib/network-common.sh source-path=SCRIPTDIR
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/network-common.sh"

usage() {
  cat <<EOF
Usage: scripts/network.sh COMMAND [OPTIONS]

Commands:
  up                  install Fabric and Fabric CA if absent, start each centre's
                      Fabric CA and enrol its peer, orderer, Admin and users there,
                      make the channel genesis block, start 3 orderers + 3 peers, create
                      channel '$CHANNEL_NAME' (osnadmin join on every orderer), join
                      the peers, write <run-dir>/gateway-connection.json.
                      On a run dir kept by 'down --keep' it restarts the nodes
                      (and deployed chaincode servers) on their existing ledgers.
  deploy [--jar PATH] deploy the chaincode jar as chaincode-as-a-service
                      (default jar: chaincode/target/metroledger-chaincode.jar,
                      built with Maven if absent): package per organisation,
                      install, approve x3, commit (next sequence when the jar
                      changed), start the chaincode servers, wait until a query
                      answers on every peer.
  down [--keep]       stop every process started here (TERM, then KILL), and
                      remove the run dir unless --keep.
  status              processes, pids, channel height per peer, chaincode.
  check               every peer reports the same height and newest block hash
                      (waits while a restarted peer catches up); exit 1 if not.
  stop-node NAME      stop one process, e.g. orderer1.north, peer0.east,
                      chaincode.centralsouth.
  start-node NAME     start it again with its previous configuration.
  generate            only start the CAs, enrol the identities, and write configs and
                      the connection file into the run dir (no orderer or peer).
  nodes               list the process names.
  -h, --help          this help.

Run dir: \${METROLEDGER_NETWORK_DIR:-<repo>/.network} (now: $RUN_DIR)
Hosts (default 127.0.0.1) and ports, see network/network.conf to override:
  orderers 7050/8050/9050, osnadmin 7053/8053/9053, orderer /healthz 7443/8443/9443
  peers    7051/8051/9051, peer chaincode listeners 7052/8052/9052,
           peer /healthz 7444/8444/9444
  chaincode servers 9999/9998/9997 (north/east/centralsouth)
  Fabric CAs 7054/8054/9054 (TLS), CA /healthz 7445/8445/9445
Environment: FABRIC_BIN_DIR (use prebuilt binaries), METROLEDGER_WAIT_SECONDS
  (default 60), METROLEDGER_CHAINCODE_JAVA_OPTS, METROLEDGER_PEER_LOGGING,
  METROLEDGER_ORDERER_LOGGING.
EOF
}

# ---------------------------------------------------------------- up

generate() {
  [[ ! -e $ORGS_DIR ]] || die "$ORGS_DIR exists already; run 'scripts/network.sh down' first"
  mkdir -p "$RUN_DIR" "$CONFIG_DIR" "$NODES_DIR" "$ARTIFACTS_DIR"
  log "starting the Fabric CAs and enrolling the identities into $ORGS_DIR"
  ca_up
  local f
  for f in core.yaml orderer.yaml configtx.yaml; do
    render_template "$NETWORK_SRC/config/$f" "$CONFIG_DIR/$f"
  done
  write_connection_file
  log "wrote $CONNECTION_FILE"
}

cmd_generate() {
  ensure_fabric
  generate
}

start_all_nodes() {
  local n
  for n in $(all_nodes); do start_node "$n"; done
  for n in $(all_nodes); do wait_healthy "$n"; done
  log "all orderers and peers report healthy"
}

# restart a network kept by `down --keep`
restart_kept() {
  local n org
  ensure_fabric
  for n in $(all_ca_nodes); do start_node "$n"; done
  for n in $(all_ca_nodes); do wait_healthy "$n"; done
  start_all_nodes
  for org in "${ORGS[@]}"; do
    n=$(chaincode_name "$org")
    if [[ -f $NODES_DIR/$n/cmd ]]; then
      start_node "$n"
    fi
  done
  for org in "${ORGS[@]}"; do
    n=$(chaincode_name "$org")
    if [[ -f $NODES_DIR/$n/cmd ]]; then wait_healthy "$n"; fi
  done
  [[ ! -f $RUN_DIR/chaincode/deployed-version ]] || wait_endorsers_discovered
  log "network restarted from $RUN_DIR"
}

orderer_channel_active() {
  osnadmin_cli "$1" channel list --channelID "$CHANNEL_NAME" 2>/dev/null | grep -q '"status": *"active"'
}

# peer_join ORG: joins ORG's peer to the channel; succeeds if it already has.
peer_join() {
  peer_cli "$1" channel list 2>/dev/null | grep -qx "$CHANNEL_NAME" && return 0
  peer_cli "$1" channel join -b "$GENESIS_BLOCK"
}

peer_has_channel() {
  local h
  h=$(channel_height "$1")
  [[ -n $h && $h -ge 1 ]]
}

cmd_up() {
  local start=$SECONDS org n
  if [[ -f $RUN_DIR/.initialized ]]; then
    for n in $(all_nodes); do
      is_running "$n" && die "$n is already running; the network is up (see 'status')"
    done
    restart_kept
    return
  fi
  [[ ! -e $RUN_DIR ]] || die "$RUN_DIR exists but holds no complete network; run 'scripts/network.sh down' first"
  # shellcheck disable=SC2154  # rc is assigned inside the trap
  trap 'rc=$?; ((rc == 0)) || echo "network: up failed; logs in $NODES_DIR/*/log; clean up with: scripts/network.sh down" >&2' EXIT
  ensure_fabric
  generate
  log "creating the genesis block of channel '$CHANNEL_NAME'"
  "$FABRIC_BIN/configtxgen" -configPath "$CONFIG_DIR" -profile "$CHANNEL_PROFILE" \
    -channelID "$CHANNEL_NAME" -outputBlock "$GENESIS_BLOCK" 2>>"$RUN_DIR/configtxgen.log" ||
    die "configtxgen failed (see $RUN_DIR/configtxgen.log)"
  for org in "${ORGS[@]}"; do
    define_orderer "$org"
    define_peer "$org"
  done
  start_all_nodes
  for org in "${ORGS[@]}"; do
    log "orderer $(orderer_name "$org") joins '$CHANNEL_NAME'"
    osnadmin_cli "$org" channel join --channelID "$CHANNEL_NAME" --config-block "$GENESIS_BLOCK" >/dev/null ||
      die "osnadmin channel join failed on $(orderer_name "$org")"
  done
  for org in "${ORGS[@]}"; do
    wait_for "channel '$CHANNEL_NAME' active on $(orderer_name "$org")" "$(orderer_name "$org")" \
      orderer_channel_active "$org"
  done
  for org in "${ORGS[@]}"; do
    log "peer $(peer_name "$org") joins '$CHANNEL_NAME'"
    wait_for "$(peer_name "$org") to join '$CHANNEL_NAME'" "$(peer_name "$org")" \
      peer_join "$org"
  done
  for org in "${ORGS[@]}"; do
    wait_for "channel '$CHANNEL_NAME' on $(peer_name "$org")" "$(peer_name "$org")" peer_has_channel "$org"
  done
  # Anchor peers are part of the genesis block (configtx.yaml AnchorPeers).
  touch "$RUN_DIR/.initialized"
  log "network up in $((SECONDS - start))s; gateway connection file: $CONNECTION_FILE"
}

# ---------------------------------------------------------------- deploy

# package_ccaas ORG LABEL OUT: a chaincode-as-a-service package pointing ORG's
# peer at ORG's own chaincode server. Byte-for-byte reproducible, so the same
# jar yields the same package id.
package_ccaas() {
  local org=$1 label=$2 out=$3 work
  work=$(mktemp -d)
  printf '{"address":"%s","dial_timeout":"10s","tls_required":false}\n' \
    "$(chaincode_endpoint "$org")" >"$work/connection.json"
  printf '{"type":"ccaas","label":"%s"}\n' "$label" >"$work/metadata.json"
  tar -C "$work" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
    -cf - connection.json | gzip -n >"$work/code.tar.gz"
  tar -C "$work" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
    -cf - metadata.json code.tar.gz | gzip -n >"$out"
  rm -rf "$work"
}

committed_field() {
  # committed_field ORG FIELD: sequence or version of the committed definition.
  peer_cli "$1" lifecycle chaincode querycommitted -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" -O json 2>/dev/null |
    tr -d '\n ' | sed -n "s/.*\"$2\":\"\{0,1\}\([^\",}]*\).*/\1/p"
}

commit_ready() {
  local out
  out=$(peer_cli "$1" lifecycle chaincode checkcommitreadiness -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" \
    --version "$2" --sequence "$3" -O json 2>/dev/null | tr -d '\n ') || return 1
  [[ -n $out && $out != *false* ]]
}

query_metadata() {
  peer_cli "$1" chaincode query -C "$CHANNEL_NAME" -n "$CHAINCODE_NAME" \
    -c '{"Args":["org.hyperledger.fabric:GetMetadata"]}'
}

# endorsers_discovered ORG: ORG's peer's discovery service (what its gateway plans endorsements
# from) names a peer of every organisation for the chaincode. Gossip spreads membership and each
# peer's chaincodes some seconds after the peers join; until then the gateway answers
# "no combination of peers can be derived which satisfy the endorsement policy".
endorsers_discovered() {
  local org=$1 admin out other
  admin=$(user_dir "$org" Admin)
  out=$(env -i HOME="$RUN_DIR" PATH=/usr/local/bin:/usr/bin:/bin "$FABRIC_BIN/discover" \
    --peerTLSCA "$(tls_ca_file "$org")" --MSP "${ORG_MSP[$org]}" \
    --userKey "$(ls "$admin"/msp/keystore/* | head -n 1)" --userCert "$(ls "$admin"/msp/signcerts/* | head -n 1)" \
    endorsers --channel "$CHANNEL_NAME" --chaincode "$CHAINCODE_NAME" --server "$(peer_endpoint "$org")") || return 1
  for other in "${ORGS[@]}"; do
    grep -qF "\"${ORG_MSP[$other]}\"" <<<"$out" || return 1
  done
}

# wait_endorsers_discovered: every peer's gateway can plan an endorsement by all organisations.
wait_endorsers_discovered() {
  local org
  for org in "${ORGS[@]}"; do
    wait_for "discovery on $(peer_name "$org") to name every organisation's endorser" "$(peer_name "$org")" \
      endorsers_discovered "$org"
  done
}

cmd_deploy() {
  local jar="" start=$SECONDS
  while (($#)); do
    case $1 in
      --jar) jar=${2:?--jar needs a path}; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) die "deploy: unknown argument '$1'" ;;
    esac
  done
  [[ -f $RUN_DIR/.initialized ]] || die "no network in $RUN_DIR; run 'scripts/network.sh up' first"
  require_fabric
  local n
  for n in $(all_nodes); do is_running "$n" || die "$n is not running; start it ('start-node $n') before deploying"; done

  if [[ -z $jar ]]; then
    jar="$REPO_ROOT/chaincode/target/metroledger-chaincode.jar"
    if [[ ! -f $jar ]]; then
      log "building $jar (mvn -q -pl chaincode -am package -DskipTests)"
      (cd "$REPO_ROOT" && mvn -q -pl chaincode -am package -DskipTests) || die "chaincode build failed"
    fi
  fi
  [[ -f $jar ]] || die "chaincode jar not found: $jar"

  local hash version label cc_dir org seq committed_seq committed_version
  local -A package_id=()
  hash=$(sha256sum "$jar" | cut -c1-12)
  version="1.0-$hash"
  label="${CHAINCODE_NAME}_$hash"
  cc_dir="$RUN_DIR/chaincode/$hash"
  mkdir -p "$cc_dir"
  # The servers run a copy, so rebuilding the jar never changes a running server.
  cp "$jar" "$cc_dir/$CHAINCODE_NAME.jar"

  for org in "${ORGS[@]}"; do
    package_ccaas "$org" "$label" "$cc_dir/$org.tar.gz"
    package_id[$org]=$(peer_cli "$org" lifecycle chaincode calculatepackageid "$cc_dir/$org.tar.gz" 2>/dev/null) ||
      package_id[$org]="$label:$(sha256sum "$cc_dir/$org.tar.gz" | cut -d' ' -f1)"
    if peer_cli "$org" lifecycle chaincode queryinstalled -O json 2>/dev/null | grep -qF "\"${package_id[$org]}\""; then
      log "$(peer_name "$org"): package ${package_id[$org]} already installed"
    else
      log "$(peer_name "$org"): installing ${package_id[$org]}"
      peer_cli "$org" lifecycle chaincode install "$cc_dir/$org.tar.gz" >/dev/null ||
        die "install failed on $(peer_name "$org")"
    fi
  done

  # The chaincode servers go first: the peer dials them on the first invoke.
  local restart=()
  for org in "${ORGS[@]}"; do
    n=$(chaincode_name "$org")
    if is_running "$n" && grep -qxF "CORE_CHAINCODE_ID_NAME=${package_id[$org]}" "$NODES_DIR/$n/env"; then
      log "$n already serves ${package_id[$org]}"
    else
      restart+=("$n")
    fi
  done
  stop_nodes "${restart[@]}"
  for n in "${restart[@]}"; do
    org=$(node_org "$n")
    define_chaincode "$org" "${package_id[$org]}" "$cc_dir/$CHAINCODE_NAME.jar"
    start_node "$n"
  done
  for org in "${ORGS[@]}"; do wait_healthy "$(chaincode_name "$org")"; done

  committed_seq=$(committed_field "${ORGS[0]}" sequence || true)
  committed_version=$(committed_field "${ORGS[0]}" version || true)
  if [[ -n $committed_seq && $committed_version == "$version" ]]; then
    log "definition $CHAINCODE_NAME $version already committed at sequence $committed_seq"
  else
    seq=$((${committed_seq:-0} + 1))
    for org in "${ORGS[@]}"; do
      log "${ORG_MSP[$org]} approves $CHAINCODE_NAME $version sequence $seq"
      # shellcheck disable=SC2046  # orderer_args prints separate words
      peer_cli "$org" lifecycle chaincode approveformyorg $(orderer_args "$org") \
        --channelID "$CHANNEL_NAME" --name "$CHAINCODE_NAME" --version "$version" \
        --package-id "${package_id[$org]}" --sequence "$seq" >/dev/null 2>"$RUN_DIR/approve.log" ||
        die "approve failed for ${ORG_MSP[$org]}: $(tail -3 "$RUN_DIR/approve.log")"
    done
    wait_for "commit readiness of $CHAINCODE_NAME sequence $seq" "" commit_ready "${ORGS[0]}" "$version" "$seq"
    local peer_args=()
    for org in "${ORGS[@]}"; do
      peer_args+=(--peerAddresses "$(peer_endpoint "$org")" --tlsRootCertFiles "$(tls_ca_file "$org")")
    done
    log "committing $CHAINCODE_NAME $version sequence $seq"
    # shellcheck disable=SC2046
    peer_cli "${ORGS[0]}" lifecycle chaincode commit $(orderer_args "${ORGS[0]}") \
      --channelID "$CHANNEL_NAME" --name "$CHAINCODE_NAME" --version "$version" --sequence "$seq" \
      "${peer_args[@]}" >/dev/null 2>"$RUN_DIR/commit.log" ||
      die "commit failed: $(tail -3 "$RUN_DIR/commit.log")"
  fi

  for org in "${ORGS[@]}"; do
    wait_for "GetMetadata query on $(peer_name "$org")" "$(chaincode_name "$org")" query_metadata "$org"
  done
  wait_endorsers_discovered
  printf '%s\n' "$version" >"$RUN_DIR/chaincode/deployed-version"
  log "deployed $CHAINCODE_NAME $version in $((SECONDS - start))s; GetMetadata answers on every peer, whose discovery names every organisation"
}

# ---------------------------------------------------------------- down / status / nodes

cmd_down() {
  local keep=false n
  while (($#)); do
    case $1 in
      --keep) keep=true; shift ;;
      -h|--help) usage; exit 0 ;;
      *) die "down: unknown argument '$1'" ;;
    esac
  done
  if [[ -d $NODES_DIR ]]; then
    # Chaincode servers, then peers, then orderers; each group in parallel.
    # shellcheck disable=SC2046
    stop_nodes $(all_chaincode_nodes)
    # shellcheck disable=SC2046
    stop_nodes $(all_nodes | grep "^$PEER_NODE\.")
    # shellcheck disable=SC2046
    stop_nodes $(all_nodes | grep "^$ORDERER_NODE\.")
    # shellcheck disable=SC2046
    stop_nodes $(all_ca_nodes)
  fi
  if $keep; then
    log "stopped; kept $RUN_DIR"
  elif [[ -e $RUN_DIR ]]; then
    rm -rf "$RUN_DIR"
    log "stopped; removed $RUN_DIR"
  else
    log "nothing to stop; $RUN_DIR does not exist"
  fi
}

cmd_status() {
  [[ -d $NODES_DIR ]] || { echo "no network in $RUN_DIR"; return 0; }
  local n pid org h state
  FABRIC_BIN=$(fabric_bin_dir)
  printf '%-24s %-8s %s\n' NAME PID STATE
  for n in $(all_ca_nodes) $(all_nodes) $(all_chaincode_nodes); do
    [[ -f $NODES_DIR/$n/cmd ]] || continue
    if pid=$(node_pid "$n"); then state=running; else pid=-; state=stopped; fi
    if [[ $state == running && $n == "$PEER_NODE".* ]]; then
      org=$(node_org "$n")
      h=$(channel_height "$org" || true)
      state="running, $CHANNEL_NAME height ${h:-?}"
    fi
    printf '%-24s %-8s %s\n' "$n" "$pid" "$state"
  done
  if [[ -f $RUN_DIR/chaincode/deployed-version ]]; then
    echo "chaincode $CHAINCODE_NAME $(<"$RUN_DIR/chaincode/deployed-version")"
  else
    echo "chaincode $CHAINCODE_NAME not deployed"
  fi
  echo "connection file: $CONNECTION_FILE"
}

# check: every peer reports the same height and the same newest block hash. Each block header
# carries the hash of the one before, so one equal newest hash at one equal height means the whole
# chains are equal. Retries for WAIT_SECONDS while a restarted peer catches up.
peer_infos() {
  local org
  for org in "${ORGS[@]}"; do
    printf '%s %s\n' "$(peer_name "$org")" "$(peer_cli "$org" channel getinfo -c "$CHANNEL_NAME" 2>/dev/null |
      sed -n 's/.*"height":\([0-9]*\),"currentBlockHash":"\([^"]*\)".*/\1 \2/p')"
  done
}

peers_agree() {
  local infos
  infos=$(peer_infos)
  printf '%s\n' "$infos" >"$RUN_DIR/check.last"
  [[ $(cut -d' ' -f2- <<<"$infos" | sort -u | wc -l) -eq 1 && -n $(cut -d' ' -f2 <<<"$infos" | head -1) ]]
}

cmd_check() {
  [[ -f $RUN_DIR/.initialized ]] || die "no network in $RUN_DIR"
  require_fabric
  if ! wait_for "every peer to report the same height and newest block" "" peers_agree; then
    cat "$RUN_DIR/check.last" >&2
    return 1
  fi
  cat "$RUN_DIR/check.last"
  log "the ${#ORGS[@]} peers hold the same chain"
}

cmd_node() {
  local action=$1 name=${2:-}
  [[ -n $name ]] || die "$action needs a process name (see 'scripts/network.sh nodes')"
  is_known_node "$name" || die "unknown process '$name' (known: $(all_ca_nodes | tr '\n' ' ')$(all_nodes | tr '\n' ' ')$(all_chaincode_nodes | tr '\n' ' '))"
  if [[ $action == stop-node ]]; then
    stop_node "$name"
  else
    start_node "$name"
    wait_healthy "$name"
  fi
}

main() {
  local command=${1:-}
  [[ -n $command ]] || { usage >&2; exit 2; }
  shift
  case $command in
    up) cmd_up "$@" ;;
    deploy) cmd_deploy "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    check) cmd_check "$@" ;;
    stop-node|start-node) cmd_node "$command" "$@" ;;
    generate) cmd_generate "$@" ;;
    nodes) all_ca_nodes; all_nodes; all_chaincode_nodes ;;
    -h|--help|help) usage ;;
    *) echo "network: unknown command '$command'" >&2; usage >&2; exit 2 ;;
  esac
}

main "$@"
