#!/usr/bin/env bash
# Installs e2e/node_modules (code-server 4.100.3 and playwright-core from e2e/package-lock.json) for the end-to-end
# test, on a fresh machine or again (then it takes well under a second).
# Offline rules: only the npm registry and Debian apt are reachable, so nothing may download anything else.
set -euo pipefail
cd "$(dirname "$0")/.."

# The Debian packages it builds with (chromium, ripgrep, libkrb5-dev, g++, make, python3) come from
# scripts/test-setup.sh, which runs this script last.
command -v rg >/dev/null 2>&1 || { echo "e2e-setup: ripgrep is missing: run scripts/test-setup.sh (as root it installs it)" >&2; exit 1; }

# Skip the install when e2e/node_modules was installed from exactly this package.json and lockfile.
stamp=e2e/node_modules/.arenalab-e2e-installed
want=$(cat e2e/package.json e2e/package-lock.json | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f e2e/node_modules/code-server/out/node/entry.js ] \
  && [ -x e2e/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ]; then
  exit 0
fi

# code-server's postinstall installs VS Code's own modules; among them @vscode/ripgrep 1.15.11, whose postinstall
# downloads rg from GitHub unless $TMPDIR/vscode-ripgrep-cache-<its version>/<asset> exists (lib/postinstall.js and
# lib/download.js of its tarball: VERSION v13.0.0-10, target x86_64-unknown-linux-musl, asset ripgrep-VERSION-TARGET.tar.gz
# holding `rg`). Debian's rg stands in for it, in a private TMPDIR for this install only.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/vscode-ripgrep-cache-1.15.11" "$tmp/rg"
cp "$(command -v rg)" "$tmp/rg/rg"
tar -czf "$tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp/rg" rg

echo "e2e-setup: npm ci --prefix e2e (code-server 4.100.3 builds native modules; about a minute)"
# unsafe_perm: code-server's postinstall refuses to run as root without it (CI runs as root).
# yes: node-pty's postinstall runs `npx node-gyp`, and a user npmrc with yes=false would make npx refuse.
if ! TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm ci --prefix e2e --no-audit --no-fund >"$tmp/npm-ci.log" 2>&1; then
  tail -n 60 "$tmp/npm-ci.log" >&2
  echo "e2e-setup: npm ci --prefix e2e failed (log above). A 'getaddrinfo ENOTFOUND' for api.github.com means a" >&2
  echo "e2e-setup: dependency wants another ripgrep than the cache built here: check @vscode/ripgrep's version." >&2
  exit 1
fi
echo "$want" >"$stamp"
