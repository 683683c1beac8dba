#!/usr/bin/env bash
# Rebuilds the game's two font subsets, both under the SIL Open Font License 1.1:
#  - assets/fonts/NotoSans-subset.ttf from Debian's Noto Sans: Latin-1, Latin
#    Extended-A, general punctuation and the few symbols the texts use;
#  - assets/fonts/NotoSansSC-subset.otf from Debian's Noto Sans CJK SC: exactly
#    the characters of the interface strings and the data (all languages, see
#    scripts/font-chars.py), plus Latin and CJK punctuation. It is fetched only
#    when a player chooses Chinese;
#  - assets/fonts/NotoSansSC-label.otf: just the label of the language button.
# Reproducible: the same package versions and texts give the same bytes.
# Usage: bash scripts/build-font.sh   (run it again after changing any text)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
apt_install fonts-noto-core fonts-noto-cjk python3-pip
python3 -c 'import fontTools; assert fontTools.version == "4.68.0"' 2>/dev/null || pip install -q fonttools==4.68.0
for pkg in fonts-noto-core fonts-noto-cjk; do
  echo "$pkg $(dpkg-query -W -f='${Version}' "$pkg")"
done

python3 -m fontTools.subset /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf \
  --unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+2010-2027,U+2030,U+2032-2033,U+2039-203A,U+2190-2193,U+2212,U+2264-2265,U+00D7,U+2191,U+2193,U+25A0-25A1,U+25CF" \
  --layout-features='kern,liga' --no-hinting --desubroutinize \
  --output-file=assets/fonts/NotoSans-subset.ttf

chars=$(mktemp)
python3 scripts/font-chars.py > "$chars"
# Font number 2 of the collection is Noto Sans CJK SC (Simplified Chinese forms).
python3 -m fontTools.subset /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number=2 \
  --text-file="$chars" --layout-features='kern' --no-hinting --desubroutinize \
  --output-file=assets/fonts/NotoSansSC-subset.otf
rm -f "$chars"
# The label of the language button on English screens ("中文"), drawn before
# the Chinese font is loaded: the letters of that label in each language, embedded in the game.
label=$(python3 -c 'import json; print("".join(json.load(open(f"assets/i18n/{l}.json"))["language.switch"] for l in ("en", "zh")))')
python3 -m fontTools.subset /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number=2 \
  --text="$label" --layout-features='kern' --no-hinting --desubroutinize \
  --output-file=assets/fonts/NotoSansSC-label.otf
# Its licence, as Debian ships it: the copyright of the font files and the OFL text.
awk '/^Files: \*$/ { keep = 1 } keep && /^$/ { exit } keep' /usr/share/doc/fonts-noto-cjk/copyright \
  > assets/fonts/NotoSansSC-LICENSE.txt
awk '/^License: SIL-1.1$/ { n += 1 } n == 2 && /^License: GPL/ { exit } n == 2' /usr/share/doc/fonts-noto-cjk/copyright \
  >> assets/fonts/NotoSansSC-LICENSE.txt
ls -l assets/fonts/
