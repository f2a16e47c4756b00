"""Workspace tables. Trace rows are written through the driver's executemany (see services);
the ORM serves the few rows of rosters, forms and logs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from pydantic import NaiveDatetime
from sqlalchemy import Column, DateTime, Index, Integer, LargeBinary, String, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel


def _version_column() -> Column[int]:
    """A row's version (migration 0007): SQLAlchemy's `version_id_col` makes every UPDATE of the
    row say `WHERE version = <the version read>` and bump it, so that a save based on a stale read
    changes nothing and fails (services/workspace/row_versions.py words the refusal)."""
    return Column("version", Integer, nullable=False, server_default=text("1"))


def _changed_by() -> Column[str]:
    return Column("changed_by", String, nullable=False, server_default="")


def _changed_at() -> Column[datetime]:
    return Column("changed_at", DateTime, nullable=True)


_DOCTOR_VERSION = _version_column()
_PLAN_VERSION = _version_column()


class AppMeta(SQLModel, table=True):
    __tablename__ = "app_meta"
    key: str = Field(primary_key=True)
    value: str


class Preserie(SQLModel, table=True):
    __tablename__ = "preserie"
    id: int | None = Field(default=None, primary_key=True)
    editor: str
    software: str
    version: str
    module: str = ""
    cnda_reference: str = ""
    cnda_date: date | None = None
    exercise: str = "liberal"  # liberal | centre | mixte
    small_market_share: bool = False
    status: str = "preparation"
    referentiel: str = "2025-01"
    kickoff_date: date | None = None
    kickoff_participants: str = ""
    first_eprescription_date: date | None = None
    bilan_date: date | None = None
    covered_products: str = ""
    # Validation scope (migration 0006): a product integrating a third-party prescription engine
    # is not covered by another product's validation; a software serving libéral doctors and
    # health centres is validated for both situations.
    third_party_engine: bool = False
    serves_both: bool = False
    # After a deploy decision (migration 0006): the deployment's dated steps.
    deployment_meeting_date: date | None = None
    traces_off_date: date | None = None
    authorised_date: date | None = None
    technical_prerequisites_validated_at: NaiveDatetime | None = None
    created_at: NaiveDatetime = Field(default_factory=datetime.now)


class Prerequisite(SQLModel, table=True):
    """The three prerequisites before the présérie starts (CNDA, support, kit)."""

    __tablename__ = "prerequisite"
    __table_args__ = (UniqueConstraint("preserie_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE", index=True)
    code: str
    label: str
    done: bool = False
    done_date: date | None = None
    comment: str = ""


class CpamSelection(SQLModel, table=True):
    __tablename__ = "cpam_selection"
    __table_args__ = (UniqueConstraint("preserie_id", "cpam_id"),)
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE", index=True)
    cpam_id: str


class HealthCentre(SQLModel, table=True):
    __tablename__ = "health_centre"
    __table_args__ = (UniqueConstraint("preserie_id", "finess"),)
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE", index=True)
    finess: str
    name: str = ""


class Doctor(SQLModel, table=True):
    __tablename__ = "doctor"
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE", index=True)
    position: int = 0
    last_name: str
    first_name: str = ""
    mode: str = "liberal"  # liberal | salarie
    specialty: str = ""
    am: str = ""
    rpps: str = ""
    centre_id: int | None = Field(default=None, foreign_key="health_centre.id", ondelete="SET NULL")
    finess: str = ""
    centre_name: str = ""
    structure: str = ""
    equipped: bool = False
    compatibility_checked: bool = False
    consent: bool = False
    cpam: str = ""
    email: str = ""
    phone: str = ""
    # Who last changed the row and when (store/row_stamps.py fills them at each flush).
    version: int = Field(default=1, sa_column=_DOCTOR_VERSION)
    changed_by: str = Field(default="", sa_column=_changed_by())
    changed_at: NaiveDatetime | None = Field(default=None, sa_column=_changed_at())
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": _DOCTOR_VERSION}


class InstallationPlan(SQLModel, table=True):
    __tablename__ = "installation_plan"
    id: int | None = Field(default=None, primary_key=True)
    doctor_id: int = Field(foreign_key="doctor.id", ondelete="CASCADE", unique=True)
    planned_install: date | None = None
    actual_install: date | None = None
    training_date: date | None = None
    traces_activated: date | None = None
    first_eprescription: date | None = None
    notes: str = ""
    version: int = Field(default=1, sa_column=_PLAN_VERSION)
    changed_by: str = Field(default="", sa_column=_changed_by())
    changed_at: NaiveDatetime | None = Field(default=None, sa_column=_changed_at())
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": _PLAN_VERSION}


class ImportBatch(SQLModel, table=True):
    __tablename__ = "import_batch"
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE", index=True)
    kind: str = "traces"
    file_name: str
    file_hash: str
    imported_at: NaiveDatetime = Field(default_factory=datetime.now)
    read: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    unmatched: int = 0
    out_of_scope: int = 0  # rows of an excluded prestation (imagerie, transport): not stored
    undone_at: NaiveDatetime | None = None


class TraceRow(SQLModel, table=True):
    """One line of the traces postes. `ts` is ISO text ('YYYY-MM-DD HH:MM:SS') so that the as-of
    cut is a plain comparison; `operation` is '' when the row records the prescription only."""

    __tablename__ = "trace_row"
    __table_args__ = (
        Index(
            "ux_trace_dedup",
            "preserie_id",
            "ts",
            "ps_identifier",
            "prescription_id",
            "operation",
            text("ifnull(return_code, '')"),
            unique=True,
        ),
        Index(
            "ix_trace_cover",
            "preserie_id",
            "ps_identifier",
            "prescription_id",
            "digital",
            "operation",
            "return_code",
            "ts",
        ),
        # No index on batch_id: see migration 0003.
    )
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE")
    batch_id: int = Field(foreign_key="import_batch.id", ondelete="CASCADE")
    ts: str
    ps_identifier: str
    finess: str = ""
    prescription_id: str
    prestation: str
    digital: int = 0
    operation: str = ""
    return_code: int | None = None
    prescription_number: str = ""


class Anomaly(SQLModel, table=True):
    __tablename__ = "anomaly"
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE", index=True)
    operation: str = ""  # creer | consulter | rechercher | ''
    description: str = Field(sa_column=Column(Text, nullable=False))
    blocking: bool = False
    doctor_id: int | None = Field(default=None, foreign_key="doctor.id", ondelete="SET NULL")
    opened_at: NaiveDatetime = Field(default_factory=datetime.now)
    closed_at: NaiveDatetime | None = None
    resolution: str = ""


class SatisfactionAnswer(SQLModel, table=True):
    __tablename__ = "satisfaction_answer"
    __table_args__ = (UniqueConstraint("preserie_id", "doctor_id"),)
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE", index=True)
    doctor_id: int = Field(foreign_key="doctor.id", ondelete="CASCADE")
    answered_at: NaiveDatetime = Field(default_factory=datetime.now)
    score: int  # overall 1-5
    scores_json: str = "{}"  # question id -> 1..5
    blocking: bool = False
    blocking_text: str = ""
    comment: str = ""


class TechnicalPrerequisite(SQLModel, table=True):
    """Criterion 4: the technical prerequisites for deployment, written by the team."""

    __tablename__ = "technical_prerequisite"
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE", index=True)
    position: int = 0
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: NaiveDatetime = Field(default_factory=datetime.now)
    removed_at: NaiveDatetime | None = None  # kept so that a past bilan still counts it


class PrerequisiteValidation(SQLModel, table=True):
    """One validation of the list of technical prerequisites; a later change of the list revokes
    it. A bilan at day D sees the list validated when a validation made by D is not revoked by D."""

    __tablename__ = "prerequisite_validation"
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE", index=True)
    validated_at: NaiveDatetime
    revoked_at: NaiveDatetime | None = None


class ClosedBilan(SQLModel, table=True):
    """A bilan as it was closed at the meeting (services/bilan/closing.py): the figures, the
    digest and the PDF bytes are written once and never changed, whatever happens later."""

    __tablename__ = "closed_bilan"
    __table_args__ = (UniqueConstraint("preserie_id", "number", name="uq_closed_bilan_number"),)
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE")
    number: int  # 1, 2… per présérie
    as_of: date
    closed_at: NaiveDatetime
    meeting_date: date
    signatories: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    decision: str  # Decision code: deploy | extend
    digest: str
    figures_json: str = Field(sa_column=Column(Text, nullable=False))
    pdf: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    early: bool = False  # closed before the référentiel's minimum duration, on confirmation


class PreseriePeriod(SQLModel, table=True):
    """A measurement period opened by a prolongation (number 2, 3…; period 1 has no row): the
    bilan of the period counts only what happened from `start` on."""

    __tablename__ = "preserie_period"
    __table_args__ = (UniqueConstraint("preserie_id", "number", name="uq_preserie_period_number"),)
    id: int | None = Field(default=None, primary_key=True)
    preserie_id: int = Field(foreign_key="preserie.id", ondelete="CASCADE")
    number: int
    start: date
    software_version: str
    previous_version: str = ""
    reason: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    after_bilan: int | None = None  # the closed bilan (number) the prolongation follows
    created_at: NaiveDatetime = Field(default_factory=datetime.now)


class AuditEntry(SQLModel, table=True):
    """One change to the workspace (store/audit.py writes them from session events). No foreign
    keys on purpose: the trail outlives the doctors, batches and préséries it talks about."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_preserie_at", "preserie_id", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    at: NaiveDatetime = Field(default_factory=datetime.now)
    preserie_id: int | None = None
    entity: str  # table name: doctor, installation_plan, import_batch…
    entity_id: int | None = None
    action: str  # insert | update | delete | import | undo | restore
    before_json: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    after_json: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    batch_id: int | None = None
    # The database user behind the change (migration 0007): current_user on a server, the OS
    # login on a laptop file (store/identity.py).
    changed_by: str = Field(default="", sa_column=_changed_by())
