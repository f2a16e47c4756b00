"""Traces postes rows: the expected columns and the validation of each row (pure rules, no I/O).

Rows are validated in chunks by `RowParser.parse_chunk`, written for speed: a workbook holds up to
a million rows, and most cells repeat (a few doctors, eight prestation types, Oui/Non…), so every
closed value is looked up once and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ordnum_desktop.domain.entry_checks import date_years
from ordnum_desktop.domain.headers import ExpectedColumn, HeaderMatch, match_headers
from ordnum_desktop.domain.identifiers import clean, trace_identifier
from ordnum_desktop.domain.referentiel import Referentiel
from ordnum_desktop.domain.row_error import RowError
from ordnum_desktop.domain.text import parse_yes_no
from ordnum_desktop.domain.trace_tally import TraceTally


@dataclass(frozen=True)
class TraceColumn:
    key: str
    header: str
    required: bool
    aliases: tuple[str, ...] = ()
    help: str = ""


COLUMNS: tuple[TraceColumn, ...] = (
    TraceColumn(
        "ts",
        "Horodatage",
        True,
        ("dateheure", "datetime"),
        "Date et heure de l'événement : date Excel, ou texte AAAA-MM-JJ HH:MM[:SS], "
        "AAAA-MM-JJTHH:MM[:SS] ou JJ/MM/AAAA HH:MM[:SS].",
    ),
    TraceColumn(
        "ps",
        "Identifiant PS",
        True,
        ("idps", "identifiantdups"),
        "N° AM (9 chiffres) d'un médecin libéral, RPPS (11 chiffres) d'un médecin salarié. "
        "Un nombre qui a perdu ses zéros de tête est complété.",
    ),
    TraceColumn(
        "finess",
        "FINESS",
        False,
        ("finessgeographique",),
        "FINESS du centre de santé (médecins salariés), facultatif.",
    ),
    TraceColumn(
        "prescription_id",
        "Identifiant ordonnance",
        True,
        ("idordonnance",),
        "Identifiant de l'ordonnance dans le logiciel prescripteur (unique par médecin).",
    ),
    TraceColumn(
        "prestation",
        "Type de prestation",
        True,
        ("typeprestation", "prestation"),
        "Médicaments, Dispositifs médicaux, Biologie, Actes infirmiers, Kinésithérapie, "
        "Orthophonie, Orthoptie ou Pédicurie.",
    ),
    TraceColumn(
        "digital", "Ordonnance numérique", True, ("numerique",), "Oui ou Non (aussi O/N, 1/0, vrai/faux)."
    ),
    TraceColumn(
        "operation",
        "Opération",
        False,
        (),
        "Créer, Consulter ou Rechercher ; vide quand la ligne n'enregistre que l'ordonnance.",
    ),
    TraceColumn(
        "return_code",
        "Code retour",
        False,
        ("codederetour",),
        "0 = succès, tout autre entier = échec ; obligatoire avec une opération.",
    ),
    TraceColumn(
        "number",
        "Numéro de prescription",
        False,
        ("numeroprescription", "nprescription"),
        "Numéro unique de l'e-prescription renvoyé par « créer », facultatif.",
    ),
)
BY_KEY = {c.key: c for c in COLUMNS}


HEADERS: tuple[ExpectedColumn, ...] = tuple(
    ExpectedColumn(c.key, c.header, c.aliases, c.required) for c in COLUMNS
)


def match_header(cells: Sequence[object]) -> HeaderMatch:
    """Position of each known column in the file's header, and the headers we do not use."""
    return match_headers(cells, HEADERS)


# --- dates -----------------------------------------------------------------------------------

_EXCEL_EPOCH = datetime(1899, 12, 30)
_ONE_SECOND = timedelta(seconds=1)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?")
_FR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?")


class _DayTexts(dict[date, str]):
    """'YYYY-MM-DD' of each day met, made once (a file spans a few weeks)."""

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text


# ' HH:MM:' by minute of the day and 'SS' by second: a date-time's text is three lookups, less
# than half the time of `isoformat(" ", "seconds")` (a million rows: a quarter of a second).
_MINUTE_TEXTS = tuple(f" {h:02d}:{m:02d}:" for h in range(24) for m in range(60))
_SECOND_TEXTS = tuple(f"{s:02d}" for s in range(60))


_LAST_SECOND = datetime.max.replace(microsecond=0)


def _round_second(v: datetime) -> datetime:
    """Excel stores a date-time as a float day count; 10:00:00 may come back as 09:59:59.999998."""
    if v.microsecond >= 500_000 and v < _LAST_SECOND:  # 9999-12-31 23:59:59 has no next second
        v += timedelta(seconds=1)
    return v.replace(microsecond=0)


# A return code is a small integer; 20 digits overflowed the SQLite column (issue 12, item 11).
MAX_RETURN_CODE = 2**31 - 1


def parse_timestamp(value: object) -> str | None:
    """'YYYY-MM-DD HH:MM:SS' text of an Horodatage cell, or None when it is not a date-time of
    the référentiel's years (`date_years`: a trace dated 9999-12-31 or 0001-01-01 is a typing
    error that made every later export overflow or take gigabytes, issue 12 item 7)."""
    text = _parse_timestamp(value)
    if text is None or int(text[:4]) not in date_years():
        return None
    return text


def _parse_timestamp(value: object) -> str | None:
    t = type(value)
    if t is datetime:
        v: datetime = value  # type: ignore[assignment]
        if v.microsecond:
            v = _round_second(v)
        if v.tzinfo is not None:
            v = v.replace(tzinfo=None)
        return v.isoformat(" ")
    if t is date:
        # A date-time at exactly midnight comes back from the reader as a plain date.
        return f"{value.isoformat()} 00:00:00"  # type: ignore[attr-defined]
    if t is float or t is int:
        serial = float(value)  # type: ignore[arg-type]
        if not 1 <= serial < 2958466:
            return None
        return _round_second(_EXCEL_EPOCH + timedelta(days=serial)).isoformat(" ")
    if t is not str:
        return None
    text = value.strip()  # type: ignore[attr-defined]
    m = _ISO.fullmatch(text)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _FR.fullmatch(text)
        if not m:
            return None
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    try:
        v = datetime(y, mo, d, int(m[4] or 0), int(m[5] or 0), int(m[6] or 0))
    except ValueError:
        return None
    return v.isoformat(" ")


# --- rows ------------------------------------------------------------------------------------

ParsedRow = tuple[str, str, str, str, str, int, str, int | None, str]
_INT = re.compile(r"[+-]?\d+")
_BLANK = -(2**62)  # cached code-retour value of an empty cell (an int, so caches stay typed)


def _is_blank(v: object) -> bool:
    return v is None or v == "" or (type(v) is str and not v.strip())


def _text(v: object) -> str:
    if type(v) is float and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _quote(v: object) -> str:
    return f"« {_text(v)} »"


class RowParser:
    """Validates rows into the tuples stored in `trace_row` (in `ParsedRow` order: ts,
    ps_identifier, finess, prescription_id, prestation, digital, operation, return_code,
    prescription_number). One instance per file: its caches live as long as the file."""

    def __init__(self, header: HeaderMatch, ref: Referentiel) -> None:
        self.pos = header.positions
        self.ref = ref
        self._ps: dict[object, str | None] = {}
        self._prestation: dict[object, str | None] = {}
        self._digital: dict[object, int | None] = {}
        self._operation: dict[object, str | None] = {}
        self._code: dict[object, int | None] = {}
        # True: accepted rows come as one flat list of values, ParsedRow after ParsedRow (what a
        # multi-row INSERT binds), without a tuple per row.
        self.flat = False
        # Set (with `flat`) to tally the accepted rows for the bilan as they are parsed.
        self.tally: TraceTally | None = None
        # Rows of an excluded prestation type (référentiel `excluded_prestation_types`), per
        # type code, over every chunk so far: set aside, neither accepted nor rejected.
        self.out_of_scope: dict[str, int] = {}
        self._excluded: dict[object, str | None] = {}

    def identifiers(self) -> set[str]:
        """Every Identifiant PS value seen so far, as stored (a superset of the accepted rows')."""
        return {v for v in self._ps.values() if v is not None}

    # Each lookup returns the stored value, or None when the raw value is not acceptable.
    def _lookup_ps(self, raw: object) -> str | None:
        if raw not in self._ps:
            self._ps[raw] = trace_identifier(raw)
        return self._ps[raw]

    def _lookup_prestation(self, raw: object) -> str | None:
        if raw not in self._prestation:
            choice = self.ref.prestation(raw)
            self._prestation[raw] = choice.code if choice else None
        return self._prestation[raw]

    def _lookup_excluded(self, raw: object) -> str | None:
        """The code of the excluded prestation type `raw` names, if any (slow path only: such
        a value is never in the accepted prestation cache, so every such row lands there)."""
        if raw not in self._excluded:
            choice = self.ref.excluded_prestation(raw)
            self._excluded[raw] = choice.code if choice else None
        return self._excluded[raw]

    def _lookup_digital(self, raw: object) -> int | None:
        if raw not in self._digital:
            flag = None if _is_blank(raw) else parse_yes_no(raw)
            self._digital[raw] = None if flag is None else int(flag)
        return self._digital[raw]

    def _lookup_operation(self, raw: object) -> str | None:
        if raw not in self._operation:
            if _is_blank(raw):
                self._operation[raw] = ""
            else:
                choice = self.ref.operation(raw)
                self._operation[raw] = choice.code if choice else None
        return self._operation[raw]

    def _lookup_code(self, raw: object) -> int | None:
        if raw not in self._code:
            value: int | None = None
            if _is_blank(raw):
                value = _BLANK
            elif type(raw) is float and raw.is_integer():
                value = int(raw)
            elif type(raw) is int:
                value = raw
            elif type(raw) is str and _INT.fullmatch(raw.strip()):
                value = int(raw)
            if value is not None and value != _BLANK and abs(value) > MAX_RETURN_CODE:
                value = None
            self._code[raw] = value
        return self._code[raw]

    def parse_chunk(
        self, rows: Iterable[Sequence[object]], first_number: int
    ) -> tuple[list[ParsedRow], list[RowError], int, int]:
        """Parses consecutive rows, the first being row `first_number` of the file. Returns
        (accepted tuples, errors, rows read, rows rejected); blank rows are skipped, not read.
        Rows of an excluded prestation type are read, neither accepted nor rejected: counted in
        `self.out_of_scope`, whatever their other cells (they are not the présérie's business)."""
        pos = self.pos
        i_ts, i_ps, i_id = pos["ts"], pos["ps"], pos["prescription_id"]
        i_pr, i_dg = pos["prestation"], pos["digital"]
        i_fi, i_op = pos.get("finess"), pos.get("operation")
        i_rc, i_nb = pos.get("return_code"), pos.get("number")
        width = max(pos.values()) + 1
        ps_cache, pr_cache, dg_cache = self._ps, self._prestation, self._digital
        op_cache, rc_cache = self._operation, self._code
        flat = self.flat
        tally = self.tally if flat else None
        years = date_years()
        first_year, last_year = years.first, years.last
        day_texts = _DayTexts()
        minute_texts, second_texts = _MINUTE_TEXTS, _SECOND_TEXTS
        good: list[ParsedRow] = []
        errors: list[RowError] = []
        read = rejected = 0
        for number, cells in enumerate(rows, first_number):
            if len(cells) < width:
                cells = list(cells) + [""] * (width - len(cells))
            raw_ts, raw_ps, raw_id = cells[i_ts], cells[i_ps], cells[i_id]
            raw_pr, raw_dg = cells[i_pr], cells[i_dg]
            raw_fi = cells[i_fi] if i_fi is not None else ""
            raw_op = cells[i_op] if i_op is not None else ""
            raw_rc = cells[i_rc] if i_rc is not None else ""
            raw_nb = cells[i_nb] if i_nb is not None else ""
            if (  # texts first: comparing a date-time cell with "" is the slowest of these
                raw_ps == ""
                and raw_id == ""
                and raw_pr == ""
                and raw_dg == ""
                and raw_ts == ""
                and raw_fi == ""
                and raw_op == ""
                and raw_rc == ""
                and raw_nb == ""
            ):
                continue  # the usual blank row of a workbook, without a call per cell
            read += 1
            if type(raw_ts) is datetime:
                # The usual date-time cell, inlined: Excel's float day count gives e.g.
                # 09:59:59.999998 for 10:00:00, so round to the nearest second; the text is
                # isoformat(" ", "seconds")'s, from the tables.
                ts: str | None = None
                if first_year <= raw_ts.year <= last_year:
                    t = raw_ts + _ONE_SECOND if raw_ts.microsecond >= 500_000 else raw_ts
                    ts = day_texts[t.date()] + minute_texts[t.hour * 60 + t.minute] + second_texts[t.second]
            else:
                ts = parse_timestamp(raw_ts)
            try:  # closed values repeat: after the first rows, every lookup hits its cache
                ps = ps_cache[raw_ps]
                pr = pr_cache[raw_pr]
                dg = dg_cache[raw_dg]
                op = op_cache[raw_op]
                rc = rc_cache[raw_rc]
            except KeyError:
                ps = self._lookup_ps(raw_ps)
                pr = self._lookup_prestation(raw_pr)
                dg = self._lookup_digital(raw_dg)
                op = self._lookup_operation(raw_op)
                rc = self._lookup_code(raw_rc)
            pid = raw_id.strip() if type(raw_id) is str else _text(raw_id)
            if (
                ts is None
                or ps is None
                or not pid
                or pr is None
                or dg is None
                or op is None
                or rc is None
                or (op and rc == _BLANK)
            ):
                if all(_is_blank(c) for c in cells):
                    read -= 1  # a blank row with cells holding spaces or nothing at all
                    continue
                excluded = self._lookup_excluded(raw_pr) if pr is None else None
                if excluded is not None:
                    self.out_of_scope[excluded] = self.out_of_scope.get(excluded, 0) + 1
                    continue
                errors.extend(self._explain(number, cells) or [RowError(number, None, "Ligne illisible.")])
                rejected += 1
                continue
            if rc == _BLANK:
                rc = None
            fi = "" if raw_fi == "" or raw_fi is None else _finess(raw_fi)
            nb = raw_nb if type(raw_nb) is str else ("" if raw_nb is None else _text(raw_nb))
            if flat:
                good += (ts, ps, fi, pid, pr, dg, op, rc, nb)  # type: ignore[arg-type]
            else:
                good.append((ts, ps, fi, pid, pr, dg, op, rc, nb))
        if tally is not None:
            tally.add_chunk(good)
        return good, errors, read, rejected

    def _explain(self, number: int, cells: Sequence[object]) -> list[RowError]:
        """Every problem of a row, in French, with its column (the slow path, for bad rows)."""
        pos = self.pos
        out: list[RowError] = []

        def err(key: str, message: str) -> None:
            out.append(RowError(number, BY_KEY[key].header, message))

        def cell(key: str) -> object:
            i = pos.get(key)
            return cells[i] if i is not None and i < len(cells) else ""

        for key in ("ts", "ps", "prescription_id", "prestation", "digital"):
            if _is_blank(cell(key)):
                err(key, f"Valeur manquante dans la colonne « {BY_KEY[key].header} ».")
        v = cell("ts")
        if not _is_blank(v) and parse_timestamp(v) is None and _parse_timestamp(v) is not None:
            err(
                "ts",
                f"Date {_quote(v)} hors des années {date_years().first} à {date_years().last} : "
                "corrigez l'année dans le fichier.",
            )
        elif not _is_blank(v) and parse_timestamp(v) is None:
            err("ts", f"Date illisible : {_quote(v)} (attendu : AAAA-MM-JJ HH:MM ou JJ/MM/AAAA HH:MM).")
        v = cell("ps")
        if not _is_blank(v) and self._lookup_ps(v) is None:
            err(
                "ps",
                f"Identifiant PS {_quote(v)} invalide : N° AM (9 chiffres) ou RPPS (11 chiffres) attendu.",
            )
        v = cell("prestation")
        if not _is_blank(v) and self._lookup_prestation(v) is None:
            labels = ", ".join(c.label for c in self.ref.prestation_types)
            err("prestation", f"Type de prestation {_quote(v)} inconnu (attendu : {labels}).")
        v = cell("digital")
        if not _is_blank(v) and self._lookup_digital(v) is None:
            err("digital", f"Valeur {_quote(v)} non reconnue : Oui ou Non attendu.")
        op, rc = cell("operation"), cell("return_code")
        if not _is_blank(op) and self._lookup_operation(op) is None:
            err("operation", f"Opération inconnue : {_quote(op)} (attendu : Créer, Consulter ou Rechercher).")
        if not _is_blank(rc) and self._lookup_code(rc) is None:
            err(
                "return_code",
                f"Code retour {_quote(rc)} invalide : un nombre entier d'au plus 10 chiffres est attendu.",
            )
        if not _is_blank(op) and _is_blank(rc):
            err("return_code", "Code retour manquant : il est obligatoire quand une opération est indiquée.")
        return out


def _finess(raw: object) -> str:
    text = clean(raw).upper()
    if text.isdigit() and len(text) < 9 and not isinstance(raw, str):
        return text.zfill(9)
    return text


__all__ = ["COLUMNS", "HEADERS", "ParsedRow", "RowParser", "match_header", "parse_timestamp"]
