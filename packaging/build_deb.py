"""Build a Debian package from the PyInstaller bundle in ``dist/newsdiff``.

Usage (from the repository root, after ``pyinstaller packaging/newsdiff.spec``)::

    .venv/bin/python packaging/build_deb.py [--bundle dist/newsdiff] [--out dist]

Layout of the package:

- ``/opt/newsdiff/``                       the one-folder bundle, unchanged
- ``/usr/bin/newsdiff``                    a two-line launcher script
- ``/usr/share/applications/<id>.desktop`` and ``/usr/share/metainfo/<id>.metainfo.xml``
- ``/usr/share/icons/hicolor/{16..512}/apps/<id>.png`` and ``scalable/apps/<id>.svg``
- ``/usr/share/doc/newsdiff/copyright``

Why ``Depends:`` is computed and not hand-written: the spec leaves the
distribution's own libraries (X11, xcb, GL, fontconfig, glib …) out of the
bundle, so every shared library a bundled binary links to and the bundle does
not carry must come from a Debian package. We read the ELF ``NEEDED`` entries
of every bundled binary (a small reader below, no binutils needed), map each
soname to its package (table below, then ``dpkg -S`` for anything new) and
take the minimum glibc/libstdc++ versions from the ELF version needs. An
unmappable soname stops the build, so a Qt upgrade cannot silently ship a
package that fails to start.

Reproducible: every mtime is clamped to ``SOURCE_DATE_EPOCH`` (default: the
last commit's time), owners are root:root (``--root-owner-group``), file order
and modes are fixed, so the same bundle gives the same .deb. (The bundle
itself is not bit-reproducible: PyInstaller writes build-specific bytes.)

Icon rasters are rendered from the SVG by ``packaging/render_icons.py``; the
.desktop file and metainfo are validated when ``desktop-file-validate`` /
``appstreamcli`` are installed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import stat
import struct
import subprocess
import sys
from pathlib import Path

import render_icons  # sibling module: the script's folder is on the path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "newsdiff_gui" / "data" / "resources"

APP_ID = render_icons.APP_ID
INSTALL_DIR = "opt/newsdiff"
MAINTAINER = os.environ.get(
    "DEB_MAINTAINER", "The newsdiff developers <newsdiff-maintainers@example.org>"
)
HOMEPAGE = "https://github.com/newsdiff/newsdiff"

# soname -> Debian package (bookworm names; "new | old" where trixie's 64-bit
# time_t transition renamed the package, so one .deb installs on both).
SONAME_PACKAGES: dict[str, str] = {
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
    "librt.so.1": "libc6",
    "libutil.so.1": "libc6",
    "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libbz2.so.1.0": "libbz2-1.0",
    "liblzma.so.5": "liblzma5",
    "libffi.so.8": "libffi8",
    "libuuid.so.1": "libuuid1",
    "libcrypt.so.1": "libcrypt1",
    "libexpat.so.1": "libexpat1",
    "libpng16.so.16": "libpng16-16t64 | libpng16-16",
    "libglib-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

# GLIBCXX_3.4.N symbol version -> first GCC (libstdc++6 upstream version) that has it.
_GLIBCXX_GCC = {25: "8", 26: "9", 28: "10", 29: "11", 30: "12", 31: "13", 32: "13.2", 33: "14"}


# --- a minimal ELF reader: NEEDED, SONAME and version needs ---------------------------


def _elf_dynamic_info(path: Path) -> tuple[list[str], str | None, dict[str, set[str]]] | None:
    """``(needed sonames, own soname, {needed soname: {version names}})``; None if not ELF.

    Why our own reader: ``readelf``/``objdump`` come with binutils, which a
    packaging host need not have; the ELF64 little-endian subset is short.
    """
    with path.open("rb") as stream:
        data = stream.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:  # ELF64 little-endian only
        return None
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]

    def cstr(table: int, offset: int) -> str:
        start = sections[table][4] + offset
        return data[start : data.index(b"\0", start)].decode("utf-8", "replace")

    needed: list[str] = []
    soname = None
    versions: dict[str, set[str]] = {}
    for _name, kind, _flags, _addr, offset, size, link, info, _align, entsize in sections:
        if kind == 6:  # SHT_DYNAMIC
            for pos in range(offset, offset + size, entsize or 16):
                tag, value = struct.unpack_from("<qQ", data, pos)
                if tag == 0:
                    break
                if tag == 1:
                    needed.append(cstr(link, value))
                elif tag == 14:
                    soname = cstr(link, value)
        elif kind == 0x6FFFFFFE:  # SHT_GNU_verneed
            pos = offset
            for _ in range(info):
                _ver, count, file_off, aux_off, next_off = struct.unpack_from("<HHIII", data, pos)
                names = versions.setdefault(cstr(link, file_off), set())
                aux = pos + aux_off
                for _ in range(count):
                    _hash, _flags2, _other, name_off, next_aux = struct.unpack_from(
                        "<IHHII", data, aux
                    )
                    names.add(cstr(link, name_off))
                    aux += next_aux
                pos += next_off
    return needed, soname, versions


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text))


def compute_depends(bundle: Path) -> list[str]:
    """Debian ``Depends:`` entries for the system libraries the bundle links to."""
    provided: set[str] = set()
    needed: dict[str, set[str]] = {}  # soname -> version names needed
    for path in sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()):
        info = _elf_dynamic_info(path)
        if info is None:
            continue
        libs, soname, versions = info
        provided.add(path.name)
        if soname:
            provided.add(soname)
        for lib in libs:
            needed.setdefault(lib, set()).update(versions.get(lib, set()))
    provided |= {p.name for p in bundle.rglob("*") if p.is_symlink()}
    external = {lib: vers for lib, vers in needed.items() if lib not in provided}

    packages: dict[str, set[str]] = {}
    unknown = []
    for lib, vers in sorted(external.items()):
        package = SONAME_PACKAGES.get(lib) or _dpkg_search(lib)
        if package is None:
            unknown.append(lib)
            continue
        packages.setdefault(package, set()).update(vers)
    if unknown:
        raise SystemExit(
            "build_deb: no Debian package known for "
            + ", ".join(unknown)
            + " (add it to SONAME_PACKAGES in packaging/build_deb.py)"
        )

    depends = []
    for package, vers in sorted(packages.items()):
        glibc = [v.split("_", 1)[1] for v in vers if v.startswith("GLIBC_2.")]
        glibcxx = [int(v.rsplit(".", 1)[1]) for v in vers if v.startswith("GLIBCXX_3.4.")]
        if package == "libc6" and glibc:
            depends.append(f"libc6 (>= {max(glibc, key=_version_key)})")
        elif package == "libstdc++6" and glibcxx:
            known = [n for n in _GLIBCXX_GCC if n <= max(glibcxx)]
            gcc = _GLIBCXX_GCC[max(known)] if known else None
            depends.append(f"libstdc++6 (>= {gcc})" if gcc else "libstdc++6")
        else:
            depends.append(package)
    return depends


def _dpkg_search(soname: str) -> str | None:
    """Package owning ``soname`` on this machine (only works when it is installed)."""
    if shutil.which("dpkg") is None:
        return None
    result = subprocess.run(
        ["dpkg", "-S", f"*/{soname}"], capture_output=True, text=True, check=False
    )
    for line in result.stdout.splitlines():
        owner = line.split(":", 1)[0].strip()
        if owner and "," not in owner:
            return owner
    return None


# --- staging ------------------------------------------------------------------------


def _launcher() -> str:
    """``/usr/bin/newsdiff``: a script, not a symlink, so the bundle finds ``_internal``
    next to its real path on every PyInstaller version."""
    return f'#!/bin/sh\nexec /{INSTALL_DIR}/newsdiff "$@"\n'


def _control(version: str, arch: str, installed_kib: int, depends: list[str]) -> str:
    summary = "compare how different outlets cover the same story"
    description = (
        " newsdiff loads several versions of one news story, from different outlets\n"
        " or from one outlet over time, aligns them sentence by sentence and shows\n"
        " side by side what each version added, omitted and reworded, down to the\n"
        " changed word, number, name, quote and attribution.\n"
        " .\n"
        " This package ships a self-contained build with its own Python and Qt\n"
        " under /opt/newsdiff; it makes no network requests.\n"
    )
    return (
        f"Package: newsdiff\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Section: text\n"
        f"Priority: optional\n"
        f"Homepage: {HOMEPAGE}\n"
        f"Description: {summary}\n{description}"
    )


def _stage(bundle: Path, root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    target = root / INSTALL_DIR
    shutil.copytree(bundle, target, symlinks=True)

    launcher = root / "usr" / "bin" / "newsdiff"
    launcher.parent.mkdir(parents=True)
    launcher.write_text(_launcher(), encoding="utf-8")
    launcher.chmod(0o755)

    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(
        RESOURCES / f"{APP_ID}.desktop",
        share / "applications" / f"{APP_ID}.desktop",
    )
    (share / "metainfo").mkdir(parents=True)
    shutil.copyfile(
        RESOURCES / f"{APP_ID}.metainfo.xml",
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
    )
    icons = root.parent / "icons"
    render_icons.render_all(icons)
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    doc = share / "doc" / "newsdiff"
    doc.mkdir(parents=True)
    shutil.copyfile(Path(__file__).resolve().parent / "debian-copyright", doc / "copyright")


def _normalise(root: Path, epoch: int) -> None:
    """Fixed modes (0755 dirs and executables, 0644 files) and clamped mtimes."""
    paths = sorted(root.rglob("*"), reverse=True)  # children before parents
    for path in paths:
        if path.is_symlink():
            os.utime(path, (epoch, epoch), follow_symlinks=False)
            continue
        mode = path.stat().st_mode
        if path.is_dir() or mode & stat.S_IXUSR:
            path.chmod(0o755)
        else:
            path.chmod(0o644)
        os.utime(path, (epoch, epoch))
    root.chmod(0o755)
    os.utime(root, (epoch, epoch))


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("DEBIAN/"):
            continue
        lines.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel}\n")
    return "".join(lines)


def _installed_kib(root: Path) -> int:
    """dpkg's estimate: file sizes in KiB, rounded up, plus one per directory/link."""
    total = 0
    for path in root.rglob("*"):
        if path.is_symlink() or path.is_dir():
            total += 1
        else:
            total += -(-path.stat().st_size // 1024)
    return total


def _validate(share: Path) -> None:
    """Run the freedesktop validators when present; a failure stops the build."""
    desktop = share / "applications" / f"{APP_ID}.desktop"
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    else:
        print("build_deb: desktop-file-validate not installed, .desktop not validated")
    if shutil.which("appstreamcli"):
        subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], check=True)
    else:
        print("build_deb: appstreamcli not installed, metainfo not validated")


def _source_date_epoch() -> int:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    result = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
        capture_output=True,
        text=True,
        check=False,
    )
    return int(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() else 0


def _project_version() -> str:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with (ROOT / "pyproject.toml").open("rb") as stream:
        return str(tomllib.load(stream)["project"]["version"])


def build(bundle: Path, out_dir: Path, work: Path) -> Path:
    """Stage, describe and pack; returns the path of the .deb."""
    if not (bundle / "newsdiff").is_file():
        raise SystemExit(f"build_deb: no bundle at {bundle} (run pyinstaller first)")
    version = _project_version()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    epoch = _source_date_epoch()
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # dpkg-deb clamps its own timestamps too

    root = work / "root"
    _stage(bundle, root)
    _validate(root / "usr" / "share")
    depends = compute_depends(root / INSTALL_DIR)
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "md5sums").write_text(_md5sums(root), encoding="utf-8")
    (debian / "control").write_text(
        _control(version, arch, _installed_kib(root), depends), encoding="utf-8"
    )
    _normalise(root, epoch)

    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"newsdiff_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
        check=True,
    )
    print(f"build_deb: {deb} ({deb.stat().st_size / 1e6:.1f} MB)")
    print("build_deb: Depends: " + ", ".join(depends))
    return deb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "newsdiff")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    args = parser.parse_args()
    build(args.bundle.resolve(), args.out.resolve(), args.work.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
