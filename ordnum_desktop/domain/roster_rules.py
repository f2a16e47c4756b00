"""The présérie roster rules (January 2025 référentiel), per exercise type. Pure Python."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from ordnum_desktop.domain.identifiers import check_am, check_finess, check_rpps, department_of
from ordnum_desktop.domain.names import person_name
from ordnum_desktop.domain.referentiel import Referentiel
from ordnum_desktop.domain.vocabulary import Exercise, Mode, labels

# {code: label}, the words from the référentiel (domain/vocabulary.py).
EXERCISES = labels(Exercise)
MODES = labels(Mode)


@dataclass
class RosterDoctor:
    key: int
    last_name: str
    first_name: str = ""
    mode: str = "liberal"
    am: str = ""
    rpps: str = ""
    finess: str = ""
    centre_name: str = ""
    structure: str = ""
    equipped: bool = False
    compatibility_checked: bool = False
    consent: bool = False
    cpam: str = ""
    specialty: str = ""

    @property
    def name(self) -> str:
        return person_name(self.last_name, self.first_name) or "(sans nom)"

    @property
    def identifier(self) -> str:
        """The identifier of this exercise situation: N° AM (libéral) or RPPS (salarié)."""
        return self.am if self.mode == "liberal" else self.rpps

    @property
    def label(self) -> str:
        kind = "N° AM" if self.mode == "liberal" else "RPPS"
        ident = self.identifier or "sans identifiant"
        return f"{self.name} ({kind} {ident})"


@dataclass
class Finding:
    code: str
    level: str
    message: str
    doctor: int | None = None
    field: str | None = None

    def as_json(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if v is not None and k != "level"}
        return data


@dataclass
class CheckResult:
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(
        self, code: str, message: str, doctor: int | None = None, fld: str | None = None, level: str = "error"
    ) -> None:
        target = self.errors if level == "error" else self.warnings
        target.append(Finding(code, level, message, doctor, fld))

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "errors": [f.as_json() for f in self.errors],
            "warnings": [f.as_json() for f in self.warnings],
        }

    def for_doctor(self, key: int) -> list[Finding]:
        return [f for f in self.errors + self.warnings if f.doctor == key]


def roster_minimum(ref: Referentiel, small_market_share: bool) -> int:
    t = ref.thresholds
    return t.roster_min_small_market_share if small_market_share else t.roster_min


def check_roster(
    exercise: str,
    small_market_share: bool,
    selected_cpams: list[str],
    doctors: list[RosterDoctor],
    ref: Referentiel,
) -> CheckResult:
    result = CheckResult()
    _check_cpams(selected_cpams, ref, result)
    _check_counts(exercise, small_market_share, doctors, ref, result)
    for d in doctors:
        _check_doctor(exercise, d, selected_cpams, ref, result)
    _check_duplicates(doctors, result)
    if exercise in ("liberal", "mixte") and doctors:
        if not any(d.structure in ref.group_practice_structures for d in doctors):
            result.add(
                "no_group_practice",
                "Aucun cabinet de groupe ni MSP dans l'effectif : il est recommandé d'en "
                "intégrer au moins un.",
                level="warning",
            )
    return result


def _check_cpams(selected: list[str], ref: Referentiel, result: CheckResult) -> None:
    t = ref.thresholds
    if not t.cpam_min <= len(selected) <= t.cpam_max:
        result.add(
            "cpam_count",
            f"{len(selected)} CPAM sélectionnée(s) : choisissez entre {t.cpam_min} et "
            f"{t.cpam_max} CPAM référentes.",
        )


def _check_counts(
    exercise: str, small: bool, doctors: list[RosterDoctor], ref: Referentiel, result: CheckResult
) -> None:
    """Sizes are counted over the user doctors (equipped for the Ordonnance numérique): a
    volunteer who is not equipped yet sends no prescription the bilan could judge."""
    t = ref.thresholds
    minimum = roster_minimum(ref, small)
    users = [d for d in doctors if d.equipped]
    n = len(users)
    if n < minimum:
        extra = " (part de marché inférieure à 1 %)" if small else ""
        plural = "s" if n > 1 else ""
        result.add(
            "too_few_ps",
            f"{n} médecin{plural} utilisateur{plural} (équipé{plural} Ordonnance numérique) sur "
            f"{len(doctors)} dans l'effectif : il en faut au moins "
            f"{minimum}{extra}. Équipez ou ajoutez des médecins volontaires.",
        )
    if exercise != "centre" and n > t.roster_max:
        result.add(
            "too_many_ps",
            f"{n} médecins utilisateurs dans l'effectif : {t.roster_max} au maximum. Retirez des médecins.",
        )
    if exercise != "centre":
        return
    centres = {d.finess for d in users if d.finess}
    if len(centres) < t.centres_min:
        result.add(
            "too_few_centres",
            "Aucun centre de santé n'a de médecin utilisateur identifié : renseignez le FINESS "
            f"d'au moins {t.centres_min} centre et de ses médecins équipés.",
        )
    elif len(centres) > t.centres_max:
        result.add(
            "too_many_centres",
            f"{len(centres)} centres de santé dans l'effectif : "
            f"{t.centres_max} au maximum. Retirez des centres.",
        )


def _check_doctor(
    exercise: str, d: RosterDoctor, selected: list[str], ref: Referentiel, result: CheckResult
) -> None:
    if exercise == "liberal" and d.mode != "liberal":
        result.add(
            "wrong_exercise",
            f"{d.label} est salarié alors que la présérie concerne des "
            "médecins libéraux : retirez-le ou changez le type de présérie.",
            d.key,
            "mode",
        )
    if exercise == "centre" and d.mode != "salarie":
        result.add(
            "wrong_exercise",
            f"{d.label} est libéral alors que la présérie concerne des "
            "centres de santé : retirez-le ou changez le type de présérie.",
            d.key,
            "mode",
        )
    department = None
    if d.mode == "liberal":
        am = check_am(d.am)
        if not am.ok:
            result.add(
                "invalid_identifier",
                f"{d.label} : {am.error}. Corrigez le N° AM (numéro de facturation Assurance Maladie).",
                d.key,
                "am",
            )
        else:
            department = department_of(am.value)
        if d.rpps:
            rpps = check_rpps(d.rpps)
            if not rpps.ok:
                result.add(
                    "invalid_identifier",
                    f"{d.label} : {rpps.error}. Corrigez ou effacez le RPPS.",
                    d.key,
                    "rpps",
                )
    else:
        rpps = check_rpps(d.rpps)
        if not rpps.ok:
            result.add(
                "invalid_identifier",
                f"{d.label} : {rpps.error}. Le RPPS est obligatoire pour un médecin salarié.",
                d.key,
                "rpps",
            )
        finess = check_finess(d.finess)
        if not finess.ok:
            result.add(
                "invalid_identifier",
                f"{d.label} : {finess.error}. Renseignez le FINESS géographique du centre de santé.",
                d.key,
                "finess",
            )
        else:
            department = department_of(finess.value)
    if selected:
        _check_zone(d, department, selected, ref, result)
    if d.specialty.strip() and ref.specialty(d.specialty) is None:
        result.add(
            "unknown_specialty",
            f"{d.label} : la spécialité « {d.specialty} » n'est pas une spécialité de médecin de la "
            "table TRE_G100 de l'Assurance Maladie. Elle est enregistrée telle quelle : "
            "choisissez-la dans la liste si c'est une erreur de saisie.",
            d.key,
            "specialty",
            level="warning",
        )
    if not d.consent:
        result.add(
            "missing_consent",
            f"{d.label} n'a pas donné son accord de principe : recueillez-le avant de le communiquer.",
            d.key,
            "consent",
        )
    if not d.compatibility_checked:
        result.add(
            "compatibility_unchecked",
            f"{d.label} : l'équipement et la version logicielle "
            "n'ont pas été vérifiés. Vérifiez leur compatibilité.",
            d.key,
            "compatibility_checked",
        )


def _check_zone(
    d: RosterDoctor, department: str | None, selected: list[str], ref: Referentiel, result: CheckResult
) -> None:
    caisses = [c for c in (ref.caisse(s) for s in selected) if c]
    departments = {c.department for c in caisses}
    fld = "am" if d.mode == "liberal" else "finess"
    if department and department not in departments:
        names = ", ".join(sorted(departments))
        what = "N° AM" if d.mode == "liberal" else "FINESS"
        candidates = ref.caisses_of_department(department)
        remedy = (
            f", ou sélectionnez la {' ou la '.join(c.name for c in candidates)} dans l'onglet CPAM."
            if candidates
            else f" (le référentiel ne compte aucune CPAM référente dans le département {department})."
        )
        result.add(
            "ps_outside_zone",
            f"{d.label} exerce dans le département {department} (d'après son {what}), qui n'a pas "
            f"de CPAM référente dans cette présérie : choisissez un médecin des départements {names}"
            + remedy,
            d.key,
            fld,
        )
        return
    caisse = ref.find_caisse(d.cpam) if d.cpam.strip() else None
    if caisse is None:
        # No caisse named (or only the department of a two-caisse one): the department decides,
        # unless it has two caisses — then a Calais doctor must not be counted in Arras.
        of_department = ref.caisses_of_department(_department_key(d.cpam) or department or "")
        if len(of_department) > 1:
            both = ", ".join(c.name for c in of_department)
            dep = of_department[0].department
            ids = " ou ".join(f"« {c.id} »" for c in of_department)
            result.add(
                "cpam_ambiguous",
                f"Le département {dep} compte deux caisses ({both}) : indiquez la CPAM de "
                f"{d.label} dans la colonne CPAM de l'onglet PS ({ids}).",
                d.key,
                "cpam",
            )
            return
    if not d.cpam.strip():
        return
    if caisse is None or caisse.id not in selected:
        result.add(
            "ps_outside_zone",
            f"{d.label} est rattaché à la CPAM « {d.cpam} », qui "
            "n'est pas une CPAM sélectionnée : corrigez sa CPAM ou la sélection.",
            d.key,
            "cpam",
        )
    elif department and caisse.department != department:
        result.add(
            "ps_outside_zone",
            f"{d.label} est rattaché à la {caisse.name} mais son "
            f"identifiant indique le département {department} : corrigez l'un ou "
            "l'autre.",
            d.key,
            "cpam",
        )


def _department_key(text: str) -> str | None:
    """« 62 » or « 062 » typed in the CPAM column: a department, not a caisse."""
    raw = text.strip()
    return raw.lstrip("0").zfill(2) if raw.isdigit() and len(raw) <= 3 else None


def _check_duplicates(doctors: list[RosterDoctor], result: CheckResult) -> None:
    liberal = Counter(check_am(d.am).value for d in doctors if d.mode == "liberal" and d.am)
    salaried = Counter(
        (check_rpps(d.rpps).value, check_finess(d.finess).value)
        for d in doctors
        if d.mode == "salarie" and d.rpps
    )
    seen: set[object] = set()
    for d in doctors:
        if d.mode == "liberal" and d.am:
            am = check_am(d.am).value
            if liberal[am] < 2:
                continue
            key: object = am
        elif d.mode == "salarie" and d.rpps:
            key = (check_rpps(d.rpps).value, check_finess(d.finess).value)
            if salaried[key] < 2:
                continue
        else:
            continue
        if key in seen:
            result.add(
                "duplicate_ps",
                f"{d.label} figure plusieurs fois dans l'effectif pour la "
                "même situation d'exercice : supprimez le doublon.",
                d.key,
                "am" if d.mode == "liberal" else "rpps",
            )
        seen.add(key)
