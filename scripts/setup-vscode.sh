#!/usr/bin/env bash
# Installs what the real-VS-Code tests need: VS Code's server (from the code-server npm package)
# and Debian's Chromium (driven by playwright-core). Idempotent: a second run takes about a second.
#
# Everything lands in .vscode-test/code-server/ (gitignored), outside the project's node_modules,
# so the project's package-lock.json is never touched.
#
#   bash scripts/setup-vscode.sh          # install or verify
#   BULKHEAD_CODE_SERVER_VERSION=4.100.3  # the last code-server release that runs on Node 20
set -euo pipefail
cd "$(dirname "$0")/.."

version="${BULKHEAD_CODE_SERVER_VERSION:-4.100.3}"
dir=".vscode-test/code-server"
pkg="$dir/node_modules/code-server"
vscode="$pkg/lib/vscode"
stamp="$dir/.ready-$version"
start=$(date +%s)

# 1. Debian packages: Chromium for the workbench, ripgrep for VS Code's search, Kerberos headers
#    for the `kerberos` native module VS Code's server depends on.
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
[ -e /usr/include/krb5.h ] || [ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "setup-vscode: missing ${need[*]} and no apt-get to install them" >&2
    exit 1
  fi
  echo "setup-vscode: installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. code-server and the production dependencies of the VS Code server inside it.
if [ -f "$stamp" ] && [ -f "$vscode/out/server-main.js" ] && [ -e "$vscode/node_modules.asar" ] \
  && [ -x "$vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  echo "setup-vscode: code-server $version already installed in $dir"
else
  echo "setup-vscode: installing code-server $version into $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  printf '{ "name": "bulkhead-vscode-test", "private": true }\n' >"$dir/package.json"
  # --ignore-scripts: code-server's postinstall would try to download things; we do its steps below.
  (cd "$dir" && npm install --no-audit --no-fund --no-save --ignore-scripts "code-server@$version" >/dev/null)
  (cd "$vscode" && npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null)
  # @vscode/ripgrep's postinstall downloads a binary from GitHub; use Debian's instead.
  mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
  # Builds the native modules the Linux server loads, for this Node (the Windows-only ones are
  # skipped; @parcel/watcher ships prebuilt binaries; ripgrep's postinstall sees the copied binary).
  (cd "$vscode" && npm_config_yes=true npm rebuild @vscode/spdlog node-pty native-watchdog kerberos @vscode/deviceid @parcel/watcher @vscode/ripgrep >/dev/null)
  # The server loads its modules from node_modules.asar in a packaged build.
  ln -sfn node_modules "$vscode/node_modules.asar"
  touch "$stamp"
fi

echo "setup-vscode: ready in $(($(date +%s) - start)) s (server: $vscode/out/server-main.js, browser: $(command -v chromium))"
