#!/bin/sh
# Build dist/newsdiff.app and dist/newsdiff-<version>.dmg on macOS. UNTESTED:
# written on Linux, no Mac was available; see packaging/README.md.
#
#     packaging/macos/build_dmg.sh
#
# Optional environment:
#   CODESIGN_IDENTITY  "Developer ID Application: …" — sign the .app (hardened runtime)
#   NOTARY_PROFILE     keychain profile for `xcrun notarytool` — notarise and staple the .dmg
# Without them the .dmg is unsigned: Gatekeeper then asks users to right-click → Open.
set -eu

cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "build_dmg.sh: runs on macOS only" >&2; exit 1; }

PY=.venv/bin/python
[ -x "$PY" ] || { python3 -m venv .venv && .venv/bin/pip install --quiet -e .; }
[ -x .venv/bin/pyinstaller ] || .venv/bin/pip install --quiet 'pyinstaller>=6.10'

VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
APP=dist/newsdiff.app

# The spec renders build/icons/newsdiff.icns from the SVG and makes the BUNDLE.
.venv/bin/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller --distpath dist \
    packaging/newsdiff.spec

# Smoke test before packing: the same checks as the Linux smoke test.
"$APP/Contents/MacOS/newsdiff" --version
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/newsdiff" --screenshot build/macos-smoke.png
"$PY" packaging/check_screenshot.py build/macos-smoke.png

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
    codesign --verify --strict --verbose=2 "$APP"
fi

STAGE=build/dmg
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"   # drag-to-install target
DMG="dist/newsdiff-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname "newsdiff $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$DMG"
fi
if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
fi
echo "build_dmg: $DMG"
