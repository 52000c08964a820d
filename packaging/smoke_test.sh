#!/bin/sh
# Smoke test of the Linux installer: build the bundle, run it, build the .deb,
# install it, run the installed launcher, remove it. Run from anywhere:
#     packaging/smoke_test.sh
# Needs the project venv (.venv, `make test` creates it). Installing needs root
# and dpkg; without them the install steps are skipped with a message.
# Every GUI run is offscreen (QT_QPA_PLATFORM=offscreen), so no display is needed.
set -eu

cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUT=build/smoke
export QT_QPA_PLATFORM=offscreen
mkdir -p "$OUT"
rm -f "$OUT"/*.png

step() { printf '\n== smoke: %s\n' "$*"; }

step "PyInstaller bundle"
[ -x .venv/bin/pyinstaller ] || .venv/bin/pip install --quiet 'pyinstaller>=6.10'
.venv/bin/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller --distpath dist \
    packaging/newsdiff.spec 2>&1 | grep -v "Library not found" || true
[ -x dist/newsdiff/newsdiff ] || { echo "smoke: no bundle built"; exit 1; }

step "bundle: --version, headless align, --screenshot"
dist/newsdiff/newsdiff --version
dist/newsdiff/newsdiff align seeds/*.txt --json > "$OUT/align.json"
"$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['documents']) >= 2 and d['units'], 'empty alignment'" "$OUT/align.json"
dist/newsdiff/newsdiff --screenshot "$OUT/bundle.png"
"$PY" packaging/check_screenshot.py "$OUT/bundle.png"

step ".deb"
"$PY" packaging/build_deb.py
DEB=$(ls -t dist/newsdiff_*.deb | head -n 1)

if [ "$(id -u)" != 0 ] || ! command -v dpkg >/dev/null 2>&1; then
    echo "smoke: not root or no dpkg: skipping install/run/remove of $DEB"
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
