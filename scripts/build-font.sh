#!/usr/bin/env bash
# Rebuilds assets/fonts/NotoSans-subset.ttf from Debian's Noto Sans (SIL Open
# Font License 1.1): Latin-1, Latin Extended-A, general punctuation and the
# few symbols the texts use. Reproducible: same inputs, same bytes.
# Usage: bash scripts/build-font.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
apt_install fonts-noto-core python3-pip
python3 -c 'import fontTools' 2>/dev/null || pip install -q fonttools==4.68.0
src=/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
python3 -m fontTools.subset "$src" \
  --unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+2010-2027,U+2030,U+2032-2033,U+2039-203A,U+2190-2193,U+2212,U+2264-2265,U+00D7,U+2191,U+2193,U+25A0-25A1,U+25CF" \
  --layout-features='kern,liga' --no-hinting --desubroutinize \
  --output-file=assets/fonts/NotoSans-subset.ttf
ls -l assets/fonts/NotoSans-subset.ttf
