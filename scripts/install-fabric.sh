#!/usr/bin/env bash
# Installs Hyperledger Fabric's own binaries (peer, orderer, configtxgen, osnadmin, discover) and
# Fabric CA's (fabric-ca-server, fabric-ca-client: every centre's identities come from its CA).
# Sources, in this order, for each of the two:
#   1. FABRIC_BIN_DIR: a directory of the published release binaries (checked, never written);
#   2. the cache, keyed by the source archive's sha256 (or the pinned commit for go install);
#   3. a build with Go from a source release archive (FABRIC_SOURCE, FABRIC_CA_SOURCE);
#   4. go install at the pinned commit (works only where the module proxy serves the module).
# Idempotent: prints what it did and how long it took; the last line of stdout is the bin dir.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/install-fabric.sh [--force] [--print-bin-dir]

Environment:
  FABRIC_BIN_DIR     a directory holding Fabric's and Fabric CA's release binaries (peer, orderer,
                     configtxgen, osnadmin, discover, fabric-ca-server, fabric-ca-client): used as it is
  FABRIC_SOURCE      a Fabric source release archive (fabric-3.1.5-src.tar.gz, top folder
                     fabric-3.1.5/) to build from with Go; its sha256 is checked
  FABRIC_CA_SOURCE   a Fabric CA source release archive (fabric-ca-1.5.21-src.tar.gz) to build
                     fabric-ca-server and fabric-ca-client from (needs cgo and a C compiler)
  FABRIC_CACHE_DIR   where built binaries are kept
                     (default ${XDG_CACHE_HOME:-$HOME/.cache}/metroledger/fabric)

Options:
  --force            build again even when the cache holds the binaries
  --print-bin-dir    print the directory the binaries are (or would be) in, and exit
  -h, --help         show this help

Building Fabric from its archive takes about 85 s on two cores; Fabric CA about 200 s on an
empty Go module cache. A second run finds both in the cache and builds nothing.
EOF
}

readonly FABRIC_VERSION=3.1.5
readonly FABRIC_COMMIT=86c1172bec37e6590c6b1ae6f847833df48d65fc
readonly FABRIC_SHA256=b5c70d9b438587c7f069171c356d82f2dcd101014d2c6e9191cd4c1a17332c9b
readonly FABRIC_CA_VERSION=1.5.21
readonly FABRIC_CA_COMMIT=f355456a72323ae2a4a250fdecb8744a8c041150
readonly FABRIC_CA_SHA256=952052e434d4248c2b51f911d662f9d6c5049deb415d3aaac119fc21bbe8e127
# discover: network.sh asks each peer's discovery service whether it can plan endorsements.
readonly FABRIC_TOOLS=(peer orderer configtxgen osnadmin discover)
readonly CA_TOOLS=(fabric-ca-server fabric-ca-client)

force=false
print_only=false
while (($#)); do
  case $1 in
    --force) force=true; shift ;;
    --print-bin-dir) print_only=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-fabric: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

say() { echo "install-fabric: $*" >&2; }
die() { say "$*"; exit 1; }
cache_root=${FABRIC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/metroledger/fabric}
# One bin directory for every source: the Fabric key names it, the CA's binaries sit beside.
bin_dir=${FABRIC_BIN_DIR:-$cache_root/$FABRIC_SHA256/bin}

if $print_only; then
  echo "$bin_dir"
  exit 0
fi

# has_tools DIR STAMP TOOL...: every tool is executable in DIR and, for the cache, the stamp file
# names the archive it was built from, so a half-finished build is never mistaken for a whole one.
has_tools() {
  local dir=$1 stamp=$2 tool
  shift 2
  for tool in "$@"; do [[ -x $dir/$tool ]] || return 1; done
  [[ -z $stamp ]] || [[ -f $dir/$stamp ]]
}

if [[ -n ${FABRIC_BIN_DIR:-} ]]; then
  has_tools "$bin_dir" "" "${FABRIC_TOOLS[@]}" "${CA_TOOLS[@]}" ||
    die "FABRIC_BIN_DIR=$bin_dir lacks one of: ${FABRIC_TOOLS[*]} ${CA_TOOLS[*]}"
  say "using Fabric's binaries from FABRIC_BIN_DIR: $("$bin_dir/peer" version | sed -n 's/^ *Version: *//p')"
  echo "$bin_dir"
  exit 0
fi


# build_from_archive ARCHIVE SHA256 TOPDIR STAMP -- GO_BUILD_ARGS...
build_from_archive() {
  local archive=$1 sha=$2 top=$3 stamp=$4
  shift 5
  [[ -f $archive ]] || die "no such archive: $archive"
  local actual
  actual=$(sha256sum "$archive" | cut -d' ' -f1)
  [[ $actual == "$sha" ]] || die "$archive has sha256 $actual, expected $sha"
  command -v go >/dev/null 2>&1 || die "'go' is not on PATH; install Go 1.22 or newer first"
  local scratch start=$SECONDS
  scratch=$(mktemp -d)
  # shellcheck disable=SC2064  # expand now: the trap runs after this function returns
  trap "rm -rf '$scratch'" EXIT
  say "building from $(basename "$archive") (sha256 checked) into $bin_dir"
  tar -xzf "$archive" -C "$scratch"
  mkdir -p "$bin_dir"
  (cd "$scratch/$top" && go build -trimpath -o "$bin_dir/" "$@") || die "go build failed in $top (see above)"
  echo "$sha" >"$bin_dir/$stamp"
  rm -rf "$scratch"
  say "built $top in $((SECONDS - start)) s"
}

fabric_stamp=.fabric-$FABRIC_SHA256
if ! $force && has_tools "$bin_dir" "$fabric_stamp" "${FABRIC_TOOLS[@]}"; then
  say "Fabric $FABRIC_VERSION found in the cache $bin_dir, nothing to build"
elif [[ -n ${FABRIC_SOURCE:-} ]]; then
  meta=github.com/hyperledger/fabric/common/metadata
  build_from_archive "$FABRIC_SOURCE" "$FABRIC_SHA256" "fabric-$FABRIC_VERSION" "$fabric_stamp" -- \
    -mod=vendor -ldflags "-X $meta.Version=$FABRIC_VERSION -X $meta.CommitSHA=${FABRIC_COMMIT:0:7}" \
    "${FABRIC_TOOLS[@]/#/./cmd/}"
else
  command -v go >/dev/null 2>&1 || die "'go' is not on PATH and no FABRIC_BIN_DIR or FABRIC_SOURCE is set"
  say "no FABRIC_SOURCE: trying go install of Fabric at $FABRIC_COMMIT (the module proxy may refuse it)"
  start=$SECONDS
  mkdir -p "$bin_dir"
  packages=()
  for tool in "${FABRIC_TOOLS[@]}"; do packages+=("github.com/hyperledger/fabric/cmd/$tool@$FABRIC_COMMIT"); done
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  if ! (cd "$scratch" && GOBIN="$bin_dir" go install -trimpath "${packages[@]}"); then
    die "go install failed; set FABRIC_SOURCE to fabric-$FABRIC_VERSION-src.tar.gz or FABRIC_BIN_DIR to release binaries"
  fi
  echo "$FABRIC_SHA256" >"$bin_dir/$fabric_stamp"
  say "installed with go install in $((SECONDS - start)) s"
fi

ca_stamp=.fabric-ca-$FABRIC_CA_SHA256
if ! $force && has_tools "$bin_dir" "$ca_stamp" "${CA_TOOLS[@]}"; then
  say "Fabric CA $FABRIC_CA_VERSION found in the cache, nothing to build"
elif [[ -n ${FABRIC_CA_SOURCE:-} ]]; then
  meta=github.com/hyperledger/fabric-ca/lib/metadata
  build_from_archive "$FABRIC_CA_SOURCE" "$FABRIC_CA_SHA256" "fabric-ca-$FABRIC_CA_VERSION" "$ca_stamp" -- \
    -mod=mod -ldflags "-X $meta.Version=$FABRIC_CA_VERSION" ./cmd/fabric-ca-server ./cmd/fabric-ca-client
else
  command -v go >/dev/null 2>&1 || die "'go' is not on PATH and no FABRIC_BIN_DIR or FABRIC_CA_SOURCE is set"
  say "no FABRIC_CA_SOURCE: trying go install of Fabric CA at $FABRIC_CA_COMMIT (the module proxy may refuse it)"
  start=$SECONDS
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  if ! (cd "$scratch" && GOBIN="$bin_dir" go install -trimpath \
    "github.com/hyperledger/fabric-ca/cmd/fabric-ca-server@$FABRIC_CA_COMMIT" \
    "github.com/hyperledger/fabric-ca/cmd/fabric-ca-client@$FABRIC_CA_COMMIT"); then
    die "go install failed; set FABRIC_CA_SOURCE to fabric-ca-$FABRIC_CA_VERSION-src.tar.gz or FABRIC_BIN_DIR to release binaries"
  fi
  echo "$FABRIC_CA_SHA256" >"$bin_dir/$ca_stamp"
  say "installed Fabric CA with go install in $((SECONDS - start)) s"
fi

say "peer version: $("$bin_dir/peer" version | sed -n 's/^ *Version: *//p')"
echo "$bin_dir"
