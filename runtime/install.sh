#!/usr/bin/env bash
# Installs onnxruntime-node (the native addon the bundles in dist/ load) for modelgate's composite actions:
# `npm ci` from runtime/package-lock.json, so exactly the locked versions with their integrity hashes and no fresh
# resolution, with no install scripts (the binaries ship in the package); then into dist/node_modules, where the
# bundles resolve it, keeping only this runner's platform binaries (~70 MB of ~290 MB) so the cache stays small.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
npm ci --prefix "$root/runtime" --ignore-scripts --no-audit --no-fund
rm -rf "$root/dist/node_modules"
mkdir -p "$root/dist"
mv "$root/runtime/node_modules" "$root/dist/node_modules"
node -e '
  const fs = require("fs"), path = require("path");
  const bin = path.join(process.argv[1], "onnxruntime-node/bin");
  for (const napi of fs.readdirSync(bin))
    for (const os of fs.readdirSync(path.join(bin, napi)))
      for (const arch of fs.readdirSync(path.join(bin, napi, os)))
        if (os !== process.platform || arch !== process.arch) fs.rmSync(path.join(bin, napi, os, arch), { recursive: true });
' "$root/dist/node_modules"
