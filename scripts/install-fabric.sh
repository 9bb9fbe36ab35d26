#!/usr/bin/env bash
# Installs Hyperledger Fabric's own binaries (peer, orderer, configtxgen,
# osnadmin, cryptogen) by compiling them with `go install` at one pinned
# release commit, into a per-commit cache directory outside the repository.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/install-fabric.sh [--commit SHA] [--force] [--print-bin-dir]

Compiles Hyperledger Fabric's binaries with
  go install github.com/hyperledger/fabric/cmd/<name>@<commit>
into
  ${XDG_CACHE_HOME:-$HOME/.cache}/metroledger/fabric/<commit>/bin
and does nothing when that directory already holds all of them.

Options:
  --commit SHA      Fabric commit to build (default: v3.1.5,
                    86c1172bec37e6590c6b1ae6f847833df48d65fc; env FABRIC_COMMIT)
  --force           rebuild even if the binaries are present
  --print-bin-dir   print the bin directory for the commit and exit
  -h, --help        show this help

Environment:
  FABRIC_BIN_DIR    use an existing directory holding the five binaries
                    instead of compiling (checked, never written)

Compiling all five takes several minutes on two cores.
EOF
}

readonly FABRIC_MODULE=github.com/hyperledger/fabric
readonly FABRIC_TOOLS=(peer orderer configtxgen osnadmin cryptogen)
commit=${FABRIC_COMMIT:-86c1172bec37e6590c6b1ae6f847833df48d65fc}
force=false
print_only=false

while (($#)); do
  case $1 in
    --commit) commit=${2:?--commit needs a value}; shift 2 ;;
    --force) force=true; shift ;;
    --print-bin-dir) print_only=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-fabric: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [[ ! $commit =~ ^[0-9a-f]{40}$ ]]; then
  echo "install-fabric: --commit must be a 40-hex-digit commit, got '$commit'" >&2
  exit 2
fi

if [[ -n ${FABRIC_BIN_DIR:-} ]]; then
  bin_dir=$FABRIC_BIN_DIR
else
  bin_dir="${XDG_CACHE_HOME:-$HOME/.cache}/metroledger/fabric/$commit/bin"
fi

if $print_only; then
  echo "$bin_dir"
  exit 0
fi

all_present() {
  local tool
  for tool in "${FABRIC_TOOLS[@]}"; do
    [[ -x $bin_dir/$tool ]] || return 1
  done
  # A stamp names the commit the binaries came from, so a half-finished or
  # foreign directory is never mistaken for a complete install.
  [[ -n ${FABRIC_BIN_DIR:-} ]] || [[ "$(cat "$bin_dir/.commit" 2>/dev/null)" == "$commit" ]]
}

if [[ -n ${FABRIC_BIN_DIR:-} ]]; then
  if all_present; then
    echo "install-fabric: using Fabric binaries from FABRIC_BIN_DIR=$bin_dir"
    echo "$bin_dir"
    exit 0
  fi
  echo "install-fabric: FABRIC_BIN_DIR=$bin_dir lacks one of: ${FABRIC_TOOLS[*]}" >&2
  exit 1
fi

if ! $force && all_present; then
  echo "install-fabric: Fabric $commit already installed, nothing to do"
  echo "$bin_dir"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "install-fabric: 'go' is not on PATH; install Go 1.22 or newer first" >&2
  exit 1
fi

mkdir -p "$bin_dir"
rm -f "$bin_dir/.commit"
packages=()
for tool in "${FABRIC_TOOLS[@]}"; do
  packages+=("$FABRIC_MODULE/cmd/$tool@$commit")
done

echo "install-fabric: compiling ${FABRIC_TOOLS[*]} at $commit into $bin_dir (takes minutes)"
start=$SECONDS
# Run from a scratch directory so that no go.mod of the caller is consulted.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if ! (cd "$scratch" && GOBIN="$bin_dir" go install -trimpath "${packages[@]}"); then
  rmdir "$bin_dir" 2>/dev/null || true
  echo "install-fabric: 'go install' failed for $FABRIC_MODULE@$commit (see the error above)." >&2
  echo "install-fabric: if the module proxy refuses the module, put prebuilt binaries in a" >&2
  echo "install-fabric: directory and point FABRIC_BIN_DIR at it." >&2
  exit 1
fi
echo "$commit" >"$bin_dir/.commit"
echo "install-fabric: installed in $((SECONDS - start))s: $("$bin_dir/peer" version 2>/dev/null | sed -n 's/^ *Version: *//p' | head -1)"
echo "$bin_dir"
