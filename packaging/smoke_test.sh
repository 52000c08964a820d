#!/bin/sh
# Smoke test of the Linux installer: build the bundle, run it, build the .deb,
# install it, run the installed launcher, remove it. Run from anywhere:
#     packaging/smoke_test.sh
# Needs the project venv (.venv, `make test` creates it). The .deb steps need
# dpkg-deb, installing needs root; without them those steps are skipped with a message.
# The .deb goes to build/smoke/deb (not dist/, which `make package` owns).
# It ends with `dpkg -r newsdiff`: on a machine with newsdiff installed for real,
# that installation is replaced and removed too.
# Every GUI run is offscreen (QT_QPA_PLATFORM=offscreen), so no display is needed.
set -eu

cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUT=build/smoke
export QT_QPA_PLATFORM=offscreen
# A cache of its own: entries of an earlier run (another build of the same
# version) must not stand in for what this build computes.
NEWSDIFF_CACHE_DIR="$(mktemp -d)"
export NEWSDIFF_CACHE_DIR
mkdir -p "$OUT"
rm -f "$OUT"/*.png

step() { printf '\n== smoke: %s\n' "$*"; }

step "PyInstaller bundle"
[ -x .venv/bin/pyinstaller ] || .venv/bin/pip install --quiet 'pyinstaller>=6.10'
rm -rf dist/newsdiff   # a failed build must not leave an old bundle to test
.venv/bin/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller --distpath dist \
    packaging/newsdiff.spec 2>&1 | grep -v "Library not found" || true
[ -x dist/newsdiff/newsdiff ] || { echo "smoke: no bundle built"; exit 1; }

step "bundle: --version, headless align (text, web page, Word), --screenshot"
dist/newsdiff/newsdiff --version
dist/newsdiff/newsdiff align newsdiff_gui/data/seeds/*.txt --json > "$OUT/align.json"
"$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['documents']) >= 2 and d['units'], 'empty alignment'" "$OUT/align.json"
# Same engine, same input: the bundle must align exactly like the source tree.
# A difference means bundled code or data is missing (the meaning vectors fall
# back silently to lexical matching when numpy or vectors.npz cannot load).
.venv/bin/newsdiff align newsdiff_gui/data/seeds/*.txt --json > "$OUT/align-source.json"
cmp "$OUT/align.json" "$OUT/align-source.json" || { echo "smoke: bundle aligns differently from the source tree"; exit 1; }
# Saved web pages and Word files go through libraries imported only for them
# (trafilatura and its data files, python-docx and its templates).
"$PY" - "$OUT" <<'PYEOF'
import sys
from pathlib import Path

import docx

out = Path(sys.argv[1])
versions = [
    ("Daily Example", "Storm hits coast", [
        "A powerful storm struck the northern coast on Monday, cutting power to 40,000 homes, officials said.",
        "Emergency crews worked through the night to clear fallen trees from the main roads into the town.",
        "The mayor said schools would stay closed until Wednesday while engineers inspect the buildings."]),
    ("Morning Sample", "Storm batters coastline", [
        "A strong storm battered the northern coastline on Monday, leaving 45,000 homes without power, according to officials.",
        "Crews worked overnight to remove fallen trees from the main roads.",
        "Schools will remain closed until Thursday, the mayor said, as engineers check the buildings for damage."]),
]
for n, (site, title, paragraphs) in enumerate(versions):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    (out / f"page{n}.html").write_text(
        f'<html><head><title>{title}</title><meta property="og:site_name" content="{site}"></head>'
        f"<body><nav>Home | World</nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Share this</footer></body></html>", encoding="utf-8")
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(out / f"word{n}.docx")
PYEOF
for kind in page:html word:docx; do
    stem=${kind%%:*}; ext=${kind#*:}
    dist/newsdiff/newsdiff align "$OUT/${stem}0.$ext" "$OUT/${stem}1.$ext" --json > "$OUT/$stem.json"
    .venv/bin/newsdiff align "$OUT/${stem}0.$ext" "$OUT/${stem}1.$ext" --json > "$OUT/$stem-source.json"
    cmp "$OUT/$stem.json" "$OUT/$stem-source.json" || { echo "smoke: .$ext aligns differently in the bundle"; exit 1; }
done
dist/newsdiff/newsdiff --screenshot "$OUT/bundle.png"
"$PY" packaging/check_screenshot.py "$OUT/bundle.png"

step "bundle: the example exercise ships and grades (Help → Example Exercise opens this folder)"
example=$(find dist/newsdiff -type d -path '*newsdiff_gui/data/exercises/seeds' | head -n 1)
[ -n "$example" ] && [ -f "$example/exercise.md" ] || { echo "smoke: example exercise missing from the bundle"; exit 1; }
dist/newsdiff/newsdiff exercise check "$example" tests/data/exercise/ada-perfect.json tests/data/exercise/cy-empty.json > "$OUT/exercise.txt"
grep -q 'Ada Perfect *100%' "$OUT/exercise.txt" && grep -q 'Cy Empty *0%' "$OUT/exercise.txt" \
    || { echo "smoke: the bundle grades the example exercise wrongly:"; cat "$OUT/exercise.txt"; exit 1; }

if ! command -v dpkg-deb >/dev/null 2>&1; then
    echo "smoke: no dpkg-deb: skipping the .deb build, install and removal"
    exit 0
fi

step ".deb"
rm -rf "$OUT/deb"
"$PY" packaging/build_deb.py --out "$OUT/deb"
DEB=$(find "$OUT/deb" -name 'newsdiff_*.deb')
[ -n "$DEB" ] || { echo "smoke: no .deb built"; exit 1; }

if [ "$(id -u)" != 0 ]; then
    echo "smoke: not root: skipping install/run/remove of $DEB"
    exit 0
fi

step "install $DEB"
if ! dpkg -i "$DEB"; then
    # Missing system libraries: let apt resolve the Depends we declared.
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y -q
fi
dpkg -s newsdiff | grep -q '^Status: install ok installed'

step "installed launcher: --version, --screenshot"
/usr/bin/newsdiff --version
/usr/bin/newsdiff --screenshot "$OUT/installed.png"
"$PY" packaging/check_screenshot.py "$OUT/installed.png"
du -sh /opt/newsdiff

step "remove"
dpkg -r newsdiff
if [ -e /opt/newsdiff ] || [ -e /usr/bin/newsdiff ]; then
    echo "smoke: files left after dpkg -r"; exit 1
fi
echo "smoke: ok"
