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

import shutil
import struct
import subprocess
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
PT_LOAD = 1


def is_python_loaded(dest: str) -> bool:
    name = Path(dest).name
    return ".cpython-" in name or name.endswith(".abi3.so") or name.startswith("libpython") or (
        "PySide6/Qt/plugins/" in dest.replace("\\", "/")
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
    phoff, = struct.unpack_from("<Q", data, 0x20)
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
