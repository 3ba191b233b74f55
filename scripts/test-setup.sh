#!/usr/bin/env bash
# Installs everything the test suite needs that npm does not, so `npm test` passes on a machine that has never seen
# the repository (as root it installs; otherwise it names the one command to run and stops). Run again, it takes well
# under a second. The Debian packages, and the tests that need each:
#   git                       the git importer, replay, self-play and learning tests (real repositories)
#   g++ make python3          node-gyp builds of hnswlib-node and of code-server's native modules
#   neovim                    server/src/lsp/**/neovimClient.test.ts: a real third-party LSP client
#   chromium                  the e2e tests: the browser playwright-core drives
#   ripgrep libkrb5-dev       code-server's install (see scripts/e2e-setup.sh)
#   util-linux                unshare(1) for the code sandbox's namespaces
# Offline rules: only the npm registry and Debian apt are reachable, so nothing here downloads anything else.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || need_apt+=("$2"); }
need_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$1"); }
need_cmd git git
need_cmd g++ g++
need_cmd make make
need_cmd python3 python3
need_cmd nvim neovim
need_cmd unshare util-linux
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
need_cmd rg ripgrep
need_pkg libkrb5-dev

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test-setup: missing Debian packages: ${need_apt[*]}" >&2
    echo "test-setup: install them with:  sudo apt-get update && sudo apt-get install -y ${need_apt[*]}" >&2
    exit 1
  fi
  echo "test-setup: apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

bash scripts/e2e-setup.sh
