"""How a CSV/TSV traces file is encoded and separated, decided before any row is parsed.

French Excel writes « CSV (séparateur : point-virgule) » in Windows-1252, « Texte Unicode » as
UTF-16 with tabs, « CSV UTF-8 » with a BOM: all three are accepted, and the encoding found is
named in the import report so a coordinator sees how the file was read.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from ordnum_desktop.services.errors import UserError

SEPARATORS = (";", ",", "\t")
SEPARATOR_LABELS = {";": "point-virgule", ",": "virgule", "\t": "tabulation"}
ENCODING_LABELS = {
    "utf-8-sig": "UTF-8",
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
}


@dataclass(frozen=True)
class TextFormat:
    """`encoding` is the Python codec name, `label` its name for people."""

    encoding: str
    separator: str

    @property
    def label(self) -> str:
        return ENCODING_LABELS.get(self.encoding, self.encoding)

    @property
    def separator_label(self) -> str:
        return SEPARATOR_LABELS[self.separator]


def _utf8_state(path: Path) -> tuple[bool, bool]:
    """(whether the whole file is UTF-8, whether UTF-8 accents came before the first bad byte),
    streamed so that a big export stays cheap."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    accents = False
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                return False, accents or any(b >= 0x80 for b in block[: max(exc.start - 3, 0)])
            accents = accents or any(b >= 0x80 for b in block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False, accents
    return True, accents


def _valid(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                decoder.decode(block)
    except UnicodeDecodeError:
        return False
    return True


class BrokenUtf8(Exception):
    """A UTF-8 file with a bad byte further on: not Windows-1252, which would garble its accents."""


def detect_encoding(path: Path, head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # the codec reads the BOM and the byte order
    if b"\x00" in head:
        # UTF-16 without BOM: ASCII header letters leave a NUL in every other byte.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 4 and even == 0:
            return "utf-16-le"
        if even > len(head) // 4 and odd == 0:
            return "utf-16-be"
        raise UserError(
            f"Le fichier « {path.name} » n'est pas un fichier texte CSV (il contient des octets "
            "nuls) : exportez les traces en .xlsx ou en CSV depuis le tableur."
        )
    utf8, accents = _utf8_state(path)
    if utf8:
        return "utf-8"
    if accents:
        raise BrokenUtf8
    if _valid(path, "cp1252"):
        return "cp1252"
    raise UserError(
        f"Le fichier « {path.name} » n'est ni en UTF-8, ni en Windows-1252, ni en UTF-16 : "
        "enregistrez-le en « CSV UTF-8 » depuis le tableur."
    )


def detect_separator(name: str, header_line: str) -> str:
    """The separator is the one that splits the header line into the most columns; a header
    that none splits is not a traces header."""
    counts = {sep: header_line.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    if counts[best] == 0:
        raise UserError(
            f"Le séparateur de colonnes du fichier « {name} » n'est pas reconnu (ni point-virgule, "
            "ni virgule, ni tabulation sur la ligne d'en-tête) : enregistrez-le en CSV "
            "séparé par des points-virgules."
        )
    return best


__all__ = ["BrokenUtf8", "TextFormat", "detect_encoding", "detect_separator"]
