#!/usr/bin/env bash
# Builds the wasm module and its JS glue into web/pkg (release, optimised with wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Two modules: the page's first load (bgloop: the playground and its words) and what loads when
# first used (extras: sweeps and tours; the sweep workers load only this one).
cargo build --release --target wasm32-unknown-unknown -p bgloop-bindings -p bgloop-extras
for crate in bindings:bgloop extras:extras; do
  wasm-bindgen --target web --out-dir web/pkg --out-name "${crate#*:}" \
    "target/wasm32-unknown-unknown/release/bgloop_${crate%%:*}.wasm"
  # The glue's doc comments (the Rust docs again, about 40% of its bytes) stay in the .d.ts, for
  # editors; the page does not fetch them.
  node -e "const fs = require('fs'); const f = process.argv[1];
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^[ \\t]*\\/\\*\\*[\\s\\S]*?\\*\\/\\n/gm, ''));" "web/pkg/${crate#*:}.js"
  if [ -x node_modules/.bin/wasm-opt ]; then
    node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-simd \
      "web/pkg/${crate#*:}_bg.wasm" -o "web/pkg/${crate#*:}_bg.opt.wasm"
    mv "web/pkg/${crate#*:}_bg.opt.wasm" "web/pkg/${crate#*:}_bg.wasm"
  fi
done
echo "[build] web/pkg: $(du -h web/pkg/bgloop_bg.wasm | cut -f1) wasm, extras $(du -h web/pkg/extras_bg.wasm | cut -f1)"
# The link-preview image (Open Graph / Twitter card): the rotation preset's figure, drawn by the
# native figure code.
cargo build --release -q -p bgloop-cli
# A failure here fails the build: a page shared without its preview image looks broken.
./target/release/bgloop figure --preset rotation --seed 1 --trials 150 --size 1200x630 --out web/preview.png
echo "[build] web/preview.png: the link-preview figure"
# Each preset's own preview image and landing page, in every language (web/share/). Link previews
# need absolute image addresses: set BGLOOP_SITE_URL when building for a site.
./target/release/bgloop share --out web/share ${BGLOOP_SITE_URL:+--site "$BGLOOP_SITE_URL"} > /dev/null
echo "[build] web/share: each preset's preview image and landing page"
node scripts/dist.mjs
