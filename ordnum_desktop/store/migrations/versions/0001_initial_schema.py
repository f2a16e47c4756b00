"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 05:13:02.309993
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

# The datetime columns were generated as sqlmodel's UTCDateTime, which SQLite also writes
# DATETIME: they are plain (naive) DateTime, as the models say, so that a server does not make
# them `timestamp with time zone` (issue 15). The SQLite schema is unchanged.

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "preserie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("editor", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("software", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("version", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("module", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("cnda_reference", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("cnda_date", sa.Date(), nullable=True),
        sa.Column("exercise", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("small_market_share", sa.Boolean(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("referentiel", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kickoff_date", sa.Date(), nullable=True),
        sa.Column("kickoff_participants", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("first_eprescription_date", sa.Date(), nullable=True),
        sa.Column("bilan_date", sa.Date(), nullable=True),
        sa.Column("covered_products", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("technical_prerequisites_validated_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "cpam_selection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preserie_id", sa.Integer(), nullable=False),
        sa.Column("cpam_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["preserie_id"], ["preserie.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("preserie_id", "cpam_id"),
    )
    with op.batch_alter_table("cpam_selection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cpam_selection_preserie_id"), ["preserie_id"], unique=False)

    op.create_table(
        "health_centre",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preserie_id", sa.Integer(), nullable=False),
        sa.Column("finess", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["preserie_id"], ["preserie.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("preserie_id", "finess"),
    )
    with op.batch_alter_table("health_centre", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_health_centre_preserie_id"), ["preserie_id"], unique=False)

    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preserie_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("file_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("file_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("read", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("unmatched", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["preserie_id"], ["preserie.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_batch_preserie_id"), ["preserie_id"], unique=False)

    op.create_table(
        "prerequisite",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preserie_id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_date", sa.Date(), nullable=True),
        sa.Column("comment", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["preserie_id"], ["preserie.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("preserie_id", "code"),
    )
    with op.batch_alter_table("prerequisite", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prerequisite_preserie_id"), ["preserie_id"], unique=False)

    op.create_table(
        "technical_prerequisite",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preserie_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["preserie_id"], ["preserie.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("technical_prerequisite", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_technical_prerequisite_preserie_id"), ["preserie_id"], unique=False
        )

    op.create_table(
        "doctor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preserie_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("last_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("first_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("mode", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("specialty", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("am", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rpps", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("finess", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("centre_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("structure", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("equipped", sa.Boolean(), nullable=False),
        sa.Column("compatibility_checked", sa.Boolean(), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("cpam", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["centre_id"], ["health_centre.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["preserie_id"], ["preserie.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("doctor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_doctor_preserie_id"), ["preserie_id"], unique=False)

    op.create_table(
        "trace_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preserie_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("ts", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("ps_identifier", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("finess", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("prescription_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("prestation", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("digital", sa.Integer(), nullable=False),
        sa.Column("operation", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("return_code", sa.Integer(), nullable=True),
        sa.Column("prescription_number", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["preserie_id"], ["preserie.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Byte order, as in SQLite: timestamps and identifiers are compared and range-scanned
        # (`ts <= …`, `prescription_id BETWEEN …`) against bounds computed in Python, which a
        # server's language collation would order differently.
        for column in ("ts", "ps_identifier", "finess", "prescription_id", "prestation", "operation",
                       "prescription_number"):  # fmt: skip
            op.execute(f'ALTER TABLE trace_row ALTER COLUMN {column} TYPE VARCHAR COLLATE "C"')
        _trace_references_per_statement()
    with op.batch_alter_table("trace_row", schema=None) as batch_op:
        batch_op.create_index("ix_trace_batch", ["batch_id"], unique=False)
        batch_op.create_index(
            "ix_trace_cover",
            ["preserie_id", "ps_identifier", "prescription_id", "digital", "operation", "return_code", "ts"],
            unique=False,
        )

    # Duplicate key of the traces spec; return_code may be NULL, which a plain unique index
    # would treat as always distinct.
    if op.get_bind().dialect.name == "postgresql":
        # Same key on a server: PostgreSQL's coalesce takes one type, hence the text of the code.
        op.execute(
            "CREATE UNIQUE INDEX ux_trace_dedup ON trace_row (preserie_id, ts, ps_identifier, "
            "prescription_id, operation, (coalesce(return_code::text, '')))"
        )
    else:
        op.execute(
            "CREATE UNIQUE INDEX ux_trace_dedup ON trace_row (preserie_id, ts, ps_identifier, "
            "prescription_id, operation, ifnull(return_code, ''))"
        )

    op.create_table(
        "anomaly",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preserie_id", sa.Integer(), nullable=False),
        sa.Column("operation", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("blocking", sa.Boolean(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["preserie_id"], ["preserie.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("anomaly", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_anomaly_preserie_id"), ["preserie_id"], unique=False)

    op.create_table(
        "installation_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("planned_install", sa.Date(), nullable=True),
        sa.Column("actual_install", sa.Date(), nullable=True),
        sa.Column("training_date", sa.Date(), nullable=True),
        sa.Column("traces_activated", sa.Date(), nullable=True),
        sa.Column("first_eprescription", sa.Date(), nullable=True),
        sa.Column("notes", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("doctor_id"),
    )
    op.create_table(
        "satisfaction_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("preserie_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("scores_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("blocking", sa.Boolean(), nullable=False),
        sa.Column("blocking_text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("comment", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["doctor_id"], ["doctor.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["preserie_id"], ["preserie.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("preserie_id", "doctor_id"),
    )
    with op.batch_alter_table("satisfaction_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_satisfaction_answer_preserie_id"), ["preserie_id"], unique=False)


# PostgreSQL checks a foreign key with one query per inserted row: for the million rows of an
# import, trace_row's two foreign keys were half the server's work (200 000 rows: 10.4 s with
# them, 5.4 s without). On a server they are replaced by the same guarantees per statement: an
# AFTER INSERT/UPDATE statement trigger finds, in one anti-join over the new rows, any row
# whose (batch, présérie) is not an import_batch row, and locks the batches it refers to as a
# foreign key would (FOR KEY SHARE); deleting an import_batch (or, through its own foreign key,
# a présérie) deletes its rows, as ON DELETE CASCADE did. SQLite keeps its foreign keys.
_TRACE_REFERENCES_SQL = (
    """
CREATE FUNCTION trace_row_references() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM trace_new n WHERE NOT EXISTS (
            SELECT 1 FROM import_batch b WHERE b.id = n.batch_id AND b.preserie_id = n.preserie_id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
            MESSAGE = 'trace_row: a row refers to no import_batch of its preserie';
    END IF;
    PERFORM 1 FROM import_batch b WHERE b.id IN (SELECT DISTINCT batch_id FROM trace_new) FOR KEY SHARE;
    RETURN NULL;
END $$
""",
    "CREATE TRIGGER trace_row_references_insert AFTER INSERT ON trace_row REFERENCING NEW TABLE AS "
    "trace_new FOR EACH STATEMENT EXECUTE FUNCTION trace_row_references()",
    "CREATE TRIGGER trace_row_references_update AFTER UPDATE ON trace_row REFERENCING NEW TABLE AS "
    "trace_new FOR EACH STATEMENT EXECUTE FUNCTION trace_row_references()",
    """
CREATE FUNCTION import_batch_deletes_its_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM trace_row t USING batch_old o WHERE t.batch_id = o.id;
    RETURN NULL;
END $$
""",
    "CREATE TRIGGER import_batch_deletes_its_rows AFTER DELETE ON import_batch REFERENCING OLD TABLE AS "
    "batch_old FOR EACH STATEMENT EXECUTE FUNCTION import_batch_deletes_its_rows()",
)


def _trace_references_per_statement() -> None:
    op.execute("ALTER TABLE trace_row DROP CONSTRAINT trace_row_batch_id_fkey")
    op.execute("ALTER TABLE trace_row DROP CONSTRAINT trace_row_preserie_id_fkey")
    for statement in _TRACE_REFERENCES_SQL:
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("satisfaction_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_satisfaction_answer_preserie_id"))

    op.drop_table("satisfaction_answer")
    op.drop_table("installation_plan")
    with op.batch_alter_table("anomaly", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_anomaly_preserie_id"))

    op.drop_table("anomaly")
    with op.batch_alter_table("trace_row", schema=None) as batch_op:
        batch_op.drop_index("ix_trace_cover")
        batch_op.drop_index("ux_trace_dedup")
        batch_op.drop_index("ix_trace_batch")

    op.drop_table("trace_row")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS import_batch_deletes_its_rows ON import_batch")
        op.execute("DROP FUNCTION IF EXISTS import_batch_deletes_its_rows()")
        op.execute("DROP FUNCTION IF EXISTS trace_row_references()")
    with op.batch_alter_table("doctor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_doctor_preserie_id"))

    op.drop_table("doctor")
    with op.batch_alter_table("technical_prerequisite", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_technical_prerequisite_preserie_id"))

    op.drop_table("technical_prerequisite")
    with op.batch_alter_table("prerequisite", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prerequisite_preserie_id"))

    op.drop_table("prerequisite")
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_batch_preserie_id"))

    op.drop_table("import_batch")
    with op.batch_alter_table("health_centre", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_centre_preserie_id"))

    op.drop_table("health_centre")
    with op.batch_alter_table("cpam_selection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cpam_selection_preserie_id"))

    op.drop_table("cpam_selection")
    op.drop_table("preserie")
    op.drop_table("app_meta")
