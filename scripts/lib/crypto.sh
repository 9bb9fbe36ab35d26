# shellcheck shell=bash
# Crypto material for the reference network, made with openssl.
#
# Why not cryptogen: cryptogen puts peers and orderers in different
# organisations (PeerOrgs / OrdererOrgs, each with its own CA), but each
# MetroLedger centre is ONE MSP that runs both a peer and an orderer node.
# This file issues, per organisation, one signing CA and one TLS CA, and from
# them the peer, the orderer, Admin and User1..N, in cryptogen's directory
# layout (so every Fabric tool and sample path convention still applies):
#
#   organizations/<org>.<domain>/
#     ca/ca.<org>.<domain>-cert.pem  ca/priv_sk
#     tlsca/tlsca.<org>.<domain>-cert.pem  tlsca/priv_sk
#     msp/{cacerts,tlscacerts,config.yaml}                      (channel MSP)
#     peers/peer0.<org>.<domain>/{msp,tls/{ca.crt,server.crt,server.key}}
#     orderers/orderer1.<org>.<domain>/{msp,tls/...}
#     users/{Admin,User1..N}@<org>.<domain>/{msp,tls/{ca.crt,client.crt,client.key}}
#
# Keys are ECDSA P-256 in PKCS#8 PEM; identities carry the NodeOU in the
# subject's OU (admin, client, peer, orderer), as Fabric's NodeOUs expect.
# Sourced by network-common.sh; expects network.conf to be loaded.

readonly CRYPTO_DAYS=3650

# _crypto_key OUT: new P-256 private key, PKCS#8 PEM, mode 600.
_crypto_key() {
  (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null)
}

# _crypto_ca DIR CN ORG LOCALITY FILE_PREFIX: self-signed CA in DIR.
_crypto_ca() {
  local dir=$1 cn=$2 o=$3 l=$4 prefix=$5 cnf
  mkdir -p "$dir"
  _crypto_key "$dir/priv_sk"
  cnf=$(mktemp)
  cat >"$cnf" <<EOF
[req]
distinguished_name = dn
prompt = no
x509_extensions = v3_ca
[dn]
C = CN
L = $l
O = $o
CN = $cn
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature, keyEncipherment, keyCertSign, cRLSign
extendedKeyUsage = clientAuth, serverAuth
subjectKeyIdentifier = hash
EOF
  openssl req -new -x509 -config "$cnf" -key "$dir/priv_sk" -sha256 -days "$CRYPTO_DAYS" \
    -set_serial "0x$(openssl rand -hex 16 | sed 's/^./1/')" -out "$dir/$prefix-cert.pem"
  rm -f "$cnf"
}

# _crypto_leaf CA_DIR CA_PREFIX OUT_KEY OUT_CERT SUBJECT_OU CN ORG LOCALITY KIND [SAN...]
# KIND is sign (MSP identity) or tls (server+client TLS).
_crypto_leaf() {
  local ca_dir=$1 ca_prefix=$2 key=$3 cert=$4 ou=$5 cn=$6 o=$7 l=$8 kind=$9
  shift 9
  local cnf csr san="" s
  mkdir -p "$(dirname "$key")" "$(dirname "$cert")"
  _crypto_key "$key"
  cnf=$(mktemp)
  csr=$(mktemp)
  {
    echo "[req]"
    echo "distinguished_name = dn"
    echo "prompt = no"
    echo "[dn]"
    echo "C = CN"
    echo "L = $l"
    echo "O = $o"
    [[ -z $ou ]] || echo "OU = $ou"
    echo "CN = $cn"
    echo "[leaf]"
    echo "basicConstraints = critical, CA:FALSE"
    echo "authorityKeyIdentifier = keyid:always"
    if [[ $kind == tls ]]; then
      echo "keyUsage = critical, digitalSignature, keyEncipherment"
      echo "extendedKeyUsage = serverAuth, clientAuth"
    else
      echo "keyUsage = critical, digitalSignature"
    fi
    if (($#)); then
      for s in "$@"; do
        if [[ $s =~ ^[0-9.]+$ ]]; then san+="${san:+, }IP:$s"; else san+="${san:+, }DNS:$s"; fi
      done
      echo "subjectAltName = $san"
    fi
  } >"$cnf"
  openssl req -new -config "$cnf" -key "$key" -out "$csr"
  openssl x509 -req -in "$csr" -CA "$ca_dir/$ca_prefix-cert.pem" -CAkey "$ca_dir/priv_sk" \
    -set_serial "0x$(openssl rand -hex 16 | sed 's/^./1/')" -sha256 -days "$CRYPTO_DAYS" \
    -extfile "$cnf" -extensions leaf -out "$cert" 2>/dev/null
  rm -f "$cnf" "$csr"
}

# _crypto_nodeous MSP_DIR CA_CERT_FILE_NAME: NodeOUs config.yaml.
_crypto_nodeous() {
  local msp=$1 cacert=$2 ou
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

# _crypto_msp ORG_DIR MSP_DIR: cacerts, tlscacerts and NodeOUs of the org.
_crypto_msp() {
  local org_dir=$1 msp=$2 domain
  domain=$(basename "$org_dir")
  mkdir -p "$msp/cacerts" "$msp/tlscacerts"
  cp "$org_dir/ca/ca.$domain-cert.pem" "$msp/cacerts/"
  cp "$org_dir/tlsca/tlsca.$domain-cert.pem" "$msp/tlscacerts/"
  _crypto_nodeous "$msp" "ca.$domain-cert.pem"
}

# _crypto_member ORG_DIR KIND(peers|orderers|users) NAME OU TLS_ROLE(server|client) [SAN...]
_crypto_member() {
  local org_dir=$1 kind=$2 name=$3 ou=$4 tls_role=$5
  shift 5
  local domain dir o l
  domain=$(basename "$org_dir")
  dir="$org_dir/$kind/$name"
  o=$domain
  l=$(cat "$org_dir/.locality")
  _crypto_msp "$org_dir" "$dir/msp"
  _crypto_leaf "$org_dir/ca" "ca.$domain" "$dir/msp/keystore/priv_sk" \
    "$dir/msp/signcerts/$name-cert.pem" "$ou" "$name" "$o" "$l" sign "$@"
  _crypto_leaf "$org_dir/tlsca" "tlsca.$domain" "$dir/tls/$tls_role.key" \
    "$dir/tls/$tls_role.crt" "" "$name" "$o" "$l" tls "$@"
  cp "$org_dir/tlsca/tlsca.$domain-cert.pem" "$dir/tls/ca.crt"
}

# crypto_generate ORGS_DIR: the whole network's material (ORGS_DIR must not exist).
crypto_generate() {
  local out=$1 org domain org_dir l u node host
  command -v openssl >/dev/null || die "openssl is required to generate the network's crypto material"
  mkdir -p "$out"
  for org in "${ORGS[@]}"; do
    domain="$org.$NETWORK_DOMAIN"
    org_dir="$out/$domain"
    l=${ORG_LOCALITY[$org]}
    mkdir -p "$org_dir"
    echo "$l" >"$org_dir/.locality"
    _crypto_ca "$org_dir/ca" "ca.$domain" "$domain" "$l" "ca.$domain"
    _crypto_ca "$org_dir/tlsca" "tlsca.$domain" "$domain" "$l" "tlsca.$domain"
    _crypto_msp "$org_dir" "$org_dir/msp"
    for node in "$PEER_NODE" "$ORDERER_NODE"; do
      host="$node.$domain"
      if [[ $node == "$PEER_NODE" ]]; then
        _crypto_member "$org_dir" peers "$host" peer server "$host" "$node" localhost 127.0.0.1 "${PEER_HOST[$org]}"
      else
        _crypto_member "$org_dir" orderers "$host" orderer server "$host" "$node" localhost 127.0.0.1 "${ORDERER_HOST[$org]}"
      fi
    done
    _crypto_member "$org_dir" users "Admin@$domain" admin client
    for ((u = 1; u <= USER_COUNT; u++)); do
      _crypto_member "$org_dir" users "User$u@$domain" client client
    done
    rm -f "$org_dir/.locality"
  done
}
