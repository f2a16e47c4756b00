"""Linux-only trimming of the built folder, used by ordnum.spec (standard library, plus
PyInstaller's own dependency reader). Two steps, both checked by `make dist-check`:

- `reachable`: the shared libraries that only left-out parts needed (the GTK platform theme's
  cairo, pango, gdk-pixbuf…; Pillow's AVIF/WebP/FreeType codecs) are left out too. What is kept
  is what Python loads (extension modules, libpython), the Qt plugins kept, and every library
  these import at link time, transitively.
- `stripped`: symbols removed (`strip --strip-unneeded`, ~45 MB: a pyenv libpython ships 17 MB of
  them) from a copy of each binary — except the libraries that auditwheel grafted into a wheel
  (`*.libs/`, renamed with patchelf: stripping them broke OpenBLAS, "ELF load command address/
  offset not page-aligned"), and any copy whose LOAD segments come out misaligned is dropped
  for the original.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
PT_LOAD = 1


def is_python_loaded(dest: str) -> bool:
    name = Path(dest).name
    return (
        ".cpython-" in name
        or name.endswith(".abi3.so")
        or name.startswith("libpython")
        or ("PySide6/Qt/plugins/" in dest.replace("\\", "/"))
    )


def reachable(binaries: list[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(kept entries, dest names left out)."""
    from PyInstaller.depend.bindepend import get_imports

    by_name: dict[str, list[int]] = {}
    for index, (dest, _src, _typ) in enumerate(binaries):
        by_name.setdefault(Path(dest).name, []).append(index)
        by_name.setdefault(Path(_src).name, []).append(index)
    seen: set[int] = set()
    todo = [i for i, (dest, _s, _t) in enumerate(binaries) if is_python_loaded(dest)]
    while todo:
        index = todo.pop()
        if index in seen:
            continue
        seen.add(index)
        for name, path in get_imports(binaries[index][1]):
            for candidate in (Path(name).name, Path(path).name if path else None):
                todo.extend(by_name.get(candidate, []) if candidate else [])
    kept = [entry for i, entry in enumerate(binaries) if i in seen]
    return kept, [entry[0] for i, entry in enumerate(binaries) if i not in seen]


def load_segments_aligned(path: Path) -> bool:
    """Every PT_LOAD segment has offset ≡ vaddr (mod align), as the dynamic loader requires."""
    data = path.read_bytes()
    if data[:4] != ELF_MAGIC or data[4] != 2 or data[5] != 1:  # 64-bit little-endian only
        return False
    (phoff,) = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for n in range(phnum):
        p_type, _flags, p_offset, p_vaddr, _paddr, _filesz, _memsz, p_align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + n * phentsize
        )
        if p_type == PT_LOAD and p_align > 1 and p_offset % p_align != p_vaddr % p_align:
            return False
    return True


def stripped(binaries: list[tuple[str, str, str]], workdir: Path) -> tuple[list[tuple[str, str, str]], int]:
    """(entries pointing at stripped copies where safe, bytes saved)."""
    strip = shutil.which("strip")
    if strip is None:
        return binaries, 0
    out, saved = [], 0
    for dest, src, typ in binaries:
        source = Path(src)
        grafted = any(part.endswith(".libs") for part in Path(dest).parts[:-1])
        with source.open("rb") as handle:
            elf = handle.read(4) == ELF_MAGIC
        if grafted or not elf:
            out.append((dest, src, typ))
            continue
        copy = workdir / "stripped" / dest
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, copy)
        done = subprocess.run([strip, "--strip-unneeded", str(copy)], capture_output=True)
        if done.returncode != 0 or not load_segments_aligned(copy):
            out.append((dest, src, typ))
            continue
        saved += source.stat().st_size - copy.stat().st_size
        out.append((dest, str(copy), typ))
    return out, saved


# ICU's data (libicudata, 32 MB: Qt6Core links ICU) cut down to what a French and English
# application uses — collation, break rules, normalisation, the Western single-byte converters
# and the root/fr/en locale tables — with ICU's own icupkg and genccode (Debian: icu-devtools).
# Display names of every language, currency, unit and zone in every locale go. Without the
# tools, or if the check below fails, the wheel's library is kept as it is.
ICU_LOCALES = ("root", "fr", "fr_FR", "en", "en_US", "en_001", "en_GB")
ICU_NAMES_TABLES = ("curr", "lang", "region", "unit", "zone", "rbnf", "translit")
ICU_CONVERTERS = (
    r"(ibm-125\d_|ibm-5348_|ibm-912_|ibm-913_|ibm-914_|ibm-915_|ibm-9005_|ibm-813_|ibm-8859_"
    r"|iso-8859_|windows-125)"
)
# French accents sort as in a French dictionary only if the trimmed data still holds collation.
ICU_CHECK = (
    "from PySide6.QtCore import QCollator, QLocale; c = QCollator(QLocale(QLocale.French, QLocale.France)); "
    "w = ['Zoé', 'côte', 'cote', 'Éric', 'coté', 'eric', 'côté']; "
    "raise SystemExit(sorted(w, key=c.sortKey) != ['cote', 'coté', 'côte', 'côté', 'eric', 'Éric', 'Zoé'])"
)


def icu_item_kept(item: str) -> bool:
    parts = item.split("/")
    name = parts[-1]
    stem = name.rsplit(".", 1)[0]
    if len(parts) == 1:
        if name.endswith(".cnv"):
            return re.match(ICU_CONVERTERS, name) is not None
        # Locale tables (named like a locale, e.g. de_CH.res) other than ours go; shared tables stay.
        looks_like_locale = re.fullmatch(r"[a-z]{2,3}(_[A-Za-z0-9]+)*", stem) is not None
        return not (name.endswith(".res") and looks_like_locale and stem not in ICU_LOCALES)
    table = parts[0]
    if table in ICU_NAMES_TABLES or table == "coll":
        return stem in ICU_LOCALES or name in ("pool.res", "res_index.res", "tzdbNames.res", "ucadata.icu")
    if table == "brkitr" and name.endswith(".res"):
        return stem in ICU_LOCALES or name == "res_index.res"
    return True  # break rules and dictionaries (root.res needs them), normalisation, properties


def icu_data_symbol(library: Path) -> tuple[str, bytes] | None:
    """(package name, e.g. icudt73l, and the data blob) of a libicudata.so."""
    symbols = subprocess.run(["readelf", "-Ws", "--dyn-syms", str(library)], capture_output=True, text=True)
    found = re.search(
        r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+\S+\s+(icudt\d+)_dat\b", symbols.stdout
    )
    if found is None:
        return None
    value, size, entry = int(found.group(1), 16), int(found.group(2), 0), found.group(3)
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True).stdout
    data = library.read_bytes()
    for line in sections.splitlines():
        header = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if header and header.group(1) != "NULL":
            address, offset, length = (int(header.group(n), 16) for n in (2, 3, 4))
            if address <= value < address + length:
                start = offset + value - address
                return entry + "l", data[start : start + size]
    return None


def trimmed_icu(
    binaries: list[tuple[str, str, str]], workdir: Path, python: str
) -> tuple[list[tuple[str, str, str]], int]:
    tools = [shutil.which(tool) for tool in ("icupkg", "genccode", "gcc", "readelf")]
    out, saved = [], 0
    for dest, src, typ in binaries:
        if not re.fullmatch(r"libicudata\.so\.\d+", Path(dest).name) or None in tools:
            out.append((dest, src, typ))
            continue
        made = _trim_icu_library(Path(src), Path(dest).name, workdir / "icu", python)
        if made is None:
            print(f"ordnum.spec: {dest} kept whole (ICU data could not be trimmed and checked)")
            out.append((dest, src, typ))
            continue
        saved += Path(src).stat().st_size - made.stat().st_size
        out.append((dest, str(made), typ))
    return out, saved


def _trim_icu_library(library: Path, soname: str, folder: Path, python: str) -> Path | None:
    symbol = icu_data_symbol(library)
    if symbol is None:
        return None
    package, blob = symbol
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "out").mkdir(parents=True)
    whole = folder / f"{package}.dat"  # icupkg names the items after the file: keep the name
    whole.write_bytes(blob)
    listed = subprocess.run(["icupkg", "-l", str(whole)], capture_output=True, text=True)
    if listed.returncode != 0:
        return None
    removed = [item for item in listed.stdout.split() if not icu_item_kept(item)]
    (folder / "remove.txt").write_text("\n".join(removed) + "\n", encoding="utf-8")
    small = folder / "out" / f"{package}.dat"
    steps = [
        ["icupkg", "-r", str(folder / "remove.txt"), str(whole), str(small)],
        ["genccode", "-a", "gcc", "-e", package[:-1], "-d", str(folder / "out"), str(small)],
    ]
    for step in steps:
        if subprocess.run(step, capture_output=True).returncode != 0:
            return None
    made = folder / soname
    assembly = folder / "out" / f"{package}_dat.S"
    link = ["gcc", "-shared", f"-Wl,-soname,{soname}", "-o", str(made), str(assembly)]
    if subprocess.run(link, capture_output=True).returncode != 0:
        return None
    check = subprocess.run(
        [python, "-c", ICU_CHECK],
        env={**os.environ, "LD_PRELOAD": str(made), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
    )
    return made if check.returncode == 0 else None
