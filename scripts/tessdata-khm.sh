#!/usr/bin/env bash
# Rebuilds resources/tessdata/khm.traineddata.gz from Debian's tesseract-ocr-khm package and
# checks it against the digests recorded in resources/tessdata/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/tesseract-ocr/5/tessdata/khm.traineddata
if [ ! -f "$src" ]; then
  echo "Installing Debian's tesseract-ocr-khm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends tesseract-ocr-khm
fi
want_model=47f110575341b322052f3becbefee61a3ecf1ef549352b5d4d33d28afe30d099
want_gz=18a3e07bd106b4b1853c0d73c5c96194b1191cd5e47ad99799c70579db2f6836
got_model=$(sha256sum "$src" | cut -d' ' -f1)
if [ "$got_model" != "$want_model" ]; then
  echo "Debian's khm.traineddata has SHA-256 $got_model, not $want_model: another package version?" >&2
  exit 1
fi
mkdir -p resources/tessdata
gzip -9 -n -c "$src" >resources/tessdata/khm.traineddata.gz
cp /usr/share/doc/tesseract-ocr-khm/copyright resources/tessdata/khm.LICENSE.debian-copyright
got_gz=$(sha256sum resources/tessdata/khm.traineddata.gz | cut -d' ' -f1)
[ "$got_gz" = "$want_gz" ] || { echo "gzip output $got_gz differs from $want_gz" >&2; exit 1; }
echo "resources/tessdata/khm.traineddata.gz reproduced: $got_gz"
