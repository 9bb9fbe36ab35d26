# shellcheck shell=bash
# Identities for the reference network from each centre's own Fabric CA.
#
# Each organisation runs one fabric-ca-server (TLS on) beside its peer; it is the organisation's
# root of identity (MSP cacerts) and of TLS (tlscacerts), one CA serving both as fabric-samples'
# test-network does: two processes fewer per centre on a small machine, and one key to guard. A
# production consortium would add a separate TLS CA; the layout below keeps the two roles in
# separate files (ca/ and tlsca/), so splitting them changes nothing downstream.
#
# network.sh registers and enrols at that CA, with its bootstrap registrar, the centre's peer
# (type peer), orderer (type orderer), Admin (type admin, itself a registrar and revoker: the
# identity the gateway enrols and revokes members with) and User1..N (type client); Fabric CA
# writes the type as the subject's OU, which is what NodeOUs read. Every enrolment is written in
# cryptogen's directory layout, so every Fabric tool and sample path convention still applies:
#
#   organizations/<org>.<domain>/
#     ca/ca.<org>.<domain>-cert.pem      the CA's certificate (its key stays in the CA's home)
#     tlsca/tlsca.<org>.<domain>-cert.pem  the same root, as the TLS root
#     msp/{cacerts,tlscacerts,config.yaml}                      (channel MSP)
#     peers/peer0.<org>.<domain>/{msp,tls/{ca.crt,server.crt,server.key}}
#     orderers/orderer1.<org>.<domain>/{msp,tls/...}
#     users/{Admin,User1..N}@<org>.<domain>/{msp,tls/{ca.crt,client.crt,client.key}}
#
# Sourced by network-common.sh; expects network.conf to be loaded and FABRIC_BIN set.

ca_name() { echo "ca.$1"; }                      # process name: ca.north
ca_cert_file() { echo "$(org_dir "$1")/ca/ca.$(org_domain "$1")-cert.pem"; }
ca_url() { echo "https://${CA_HOST[$1]}:${CA_PORT[$1]}"; }
ca_home() { echo "$NODES_DIR/$(ca_name "$1")/home"; }

all_ca_nodes() {
  local org
  for org in "${ORGS[@]}"; do ca_name "$org"; done
}

# define_ca ORG: the CA's home with its rendered configuration, and its process definition.
define_ca() {
  local org=$1 home secret domain
  home=$(ca_home "$org")
  domain=$(org_domain "$org")
  mkdir -p "$home"
  secret=$(_ca_secret)
  (umask 077 && printf '%s\n' "$secret" >"$home/bootstrap-secret")
  (umask 077 && sed -e "s|@CA_PORT@|${CA_PORT[$org]}|g" -e "s|@CA_OPS_PORT@|${CA_OPS_PORT[$org]}|g" \
    -e "s|@CA_HOST@|${CA_HOST[$org]}|g" -e "s|@CA_NAME@|ca-$org|g" -e "s|@CA_CN@|ca.$domain|g" \
    -e "s|@CA_LOCALITY@|${ORG_LOCALITY[$org]}|g" -e "s|@CA_ORG@|$domain|g" \
    -e "s|@CA_BOOTSTRAP_SECRET@|$secret|g" \
    "$NETWORK_SRC/config/fabric-ca-server-config.yaml" >"$home/fabric-ca-server-config.yaml")
  write_node "$(ca_name "$org")" "$(cat <<EOF
HOME=$NODES_DIR/$(ca_name "$org")
PATH=/usr/local/bin:/usr/bin:/bin
FABRIC_CA_SERVER_HOME=$home
EOF
)" "$(printf '%s\n' "$FABRIC_BIN/fabric-ca-server" start)"
}

_ca_secret() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

# _ca_client ORG MSPDIR ARGS...: fabric-ca-client against ORG's CA, trusting its root, with a
# clean environment.
_ca_client() {
  local org=$1 msp=$2
  shift 2
  env -i HOME="$RUN_DIR" PATH=/usr/local/bin:/usr/bin:/bin \
    FABRIC_CA_CLIENT_HOME="$RUN_DIR/ca-client/$org" \
    "$FABRIC_BIN/fabric-ca-client" "$@" --caname "ca-$org" --mspdir "$msp" \
    --tls.certfiles "$(ca_home "$org")/ca-cert.pem" >>"$RUN_DIR/ca-client/$org.log" 2>&1
}

# _ca_enrol ORG ID SECRET DIR TLS_ROLE(server|client) [HOST...]: the identity's MSP (default
# profile) and TLS pair (profile tls, for the hosts given) under DIR, in cryptogen's file names.
_ca_enrol() {
  local org=$1 id=$2 secret=$3 dir=$4 tls_role=$5
  shift 5
  local url hosts scratch
  url="https://$id:$secret@${CA_HOST[$org]}:${CA_PORT[$org]}"
  hosts=$(IFS=,; echo "$*")
  _ca_client "$org" "$dir/msp" enroll -u "$url" --csr.cn "$id" \
    --csr.names "C=CN,L=${ORG_LOCALITY[$org]},O=$(org_domain "$org")" ${hosts:+--csr.hosts "$hosts"} ||
    die "enrolling $id at $(ca_name "$org") failed (see $RUN_DIR/ca-client/$org.log)"
  _ca_layout_msp "$org" "$dir/msp" "$id"
  scratch="$dir/.tls-enrolment"
  _ca_client "$org" "$scratch" enroll -u "$url" --enrollment.profile tls --csr.cn "$id" \
    ${hosts:+--csr.hosts "$hosts"} ||
    die "enrolling $id for TLS at $(ca_name "$org") failed (see $RUN_DIR/ca-client/$org.log)"
  mkdir -p "$dir/tls"
  mv "$scratch/signcerts/cert.pem" "$dir/tls/$tls_role.crt"
  mv "$scratch"/keystore/*_sk "$dir/tls/$tls_role.key"
  cp "$(ca_cert_file "$org")" "$dir/tls/ca.crt"
  rm -rf "$scratch"
}

# _ca_layout_msp ORG MSP ID: renames fabric-ca-client's files to cryptogen's and adds NodeOUs.
_ca_layout_msp() {
  local org=$1 msp=$2 id=$3 domain
  domain=$(org_domain "$org")
  mv "$msp"/keystore/*_sk "$msp/keystore/priv_sk"
  mv "$msp/signcerts/cert.pem" "$msp/signcerts/$id-cert.pem"
  rm -rf "$msp/cacerts" "$msp/intermediatecerts" "$msp/IssuerPublicKey" "$msp/IssuerRevocationPublicKey" "$msp/user"
  _ca_org_msp "$org" "$msp"
}

# _ca_org_msp ORG MSP: the organisation's roots and NodeOUs in an MSP directory.
_ca_org_msp() {
  local org=$1 msp=$2 cacert ou
  cacert="ca.$(org_domain "$org")-cert.pem"
  mkdir -p "$msp/cacerts" "$msp/tlscacerts"
  cp "$(ca_cert_file "$org")" "$msp/cacerts/$cacert"
  cp "$(ca_cert_file "$org")" "$msp/tlscacerts/tlsca.$(org_domain "$org")-cert.pem"
  {
    echo "NodeOUs:"
    echo "  Enable: true"
    for ou in client peer admin orderer; do
      echo "  ${ou^}OUIdentifier:"
      echo "    Certificate: cacerts/$cacert"
      echo "    OrganizationalUnitIdentifier: $ou"
    done
  } >"$msp/config.yaml"
}

# _ca_register ORG ID TYPE SECRET [ATTRS]: registers ID at ORG's CA with the bootstrap registrar.
_ca_register() {
  local org=$1 id=$2 type=$3 secret=$4 attrs=${5:-}
  _ca_client "$org" "$RUN_DIR/ca-client/$org/bootstrap" register --id.name "$id" --id.type "$type" \
    --id.secret "$secret" --id.affiliation "" ${attrs:+--id.attrs "$attrs"} -u "$(ca_url "$org")" ||
    die "registering $id at $(ca_name "$org") failed (see $RUN_DIR/ca-client/$org.log)"
}

# ca_identities ORG: every identity of ORG registered and enrolled at its (running) CA.
ca_identities() {
  local org=$1 domain org_dir host node u id secret
  domain=$(org_domain "$org")
  org_dir=$(org_dir "$org")
  mkdir -p "$org_dir/ca" "$org_dir/tlsca" "$RUN_DIR/ca-client/$org"
  cp "$(ca_home "$org")/ca-cert.pem" "$(ca_cert_file "$org")"
  cp "$(ca_cert_file "$org")" "$(tls_ca_file "$org")"
  _ca_org_msp "$org" "$org_dir/msp"
  _ca_client "$org" "$RUN_DIR/ca-client/$org/bootstrap" enroll \
    -u "https://bootstrap:$(<"$(ca_home "$org")/bootstrap-secret")@${CA_HOST[$org]}:${CA_PORT[$org]}" ||
    die "enrolling the bootstrap registrar at $(ca_name "$org") failed (see $RUN_DIR/ca-client/$org.log)"
  for node in "$PEER_NODE" "$ORDERER_NODE"; do
    host="$node.$domain"
    secret=$(_ca_secret)
    if [[ $node == "$PEER_NODE" ]]; then
      _ca_register "$org" "$host" peer "$secret"
      _ca_enrol "$org" "$host" "$secret" "$org_dir/peers/$host" server \
        "$host" "$node" localhost 127.0.0.1 "${PEER_HOST[$org]}"
    else
      _ca_register "$org" "$host" orderer "$secret"
      _ca_enrol "$org" "$host" "$secret" "$org_dir/orderers/$host" server \
        "$host" "$node" localhost 127.0.0.1 "${ORDERER_HOST[$org]}"
    fi
  done
  # The centre admin registers and revokes the centre's members (the gateway does it as Admin).
  secret=$(_ca_secret)
  _ca_register "$org" "Admin@$domain" admin "$secret" \
    '"hf.Registrar.Roles=client,admin",hf.Revoker=true,hf.GenCRL=true'
  _ca_enrol "$org" "Admin@$domain" "$secret" "$(user_dir "$org" Admin)" client
  for ((u = 1; u <= USER_COUNT; u++)); do
    id="User$u@$domain"
    secret=$(_ca_secret)
    _ca_register "$org" "$id" client "$secret"
    _ca_enrol "$org" "$id" "$secret" "$(user_dir "$org" "User$u")" client
  done
}

# ca_up: every organisation's CA started and healthy, and its identities enrolled (in parallel).
ca_up() {
  local org pids=() n
  for org in "${ORGS[@]}"; do
    define_ca "$org"
    start_node "$(ca_name "$org")"
  done
  for n in $(all_ca_nodes); do wait_healthy "$n"; done
  for org in "${ORGS[@]}"; do
    ca_identities "$org" &
    pids+=($!)
  done
  for n in "${pids[@]}"; do wait "$n" || die "enrolling the network's identities failed"; done
  log "identities of ${#ORGS[@]} organisations enrolled at their Fabric CAs"
}
