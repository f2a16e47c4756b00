"""dated follow-up: validation history of the technical prerequisites, removed prerequisites
kept, rows set aside as out of scope

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 23:45:00

A bilan is a function of its date (issue 17): reprinting the bilan of 31 March after the list
of technical prerequisites changed in April must give the same figures. So a validation is an
event with its own date (revoked when the list changes later), and a removed prerequisite keeps
its row with the date it left the list. `import_batch.out_of_scope` counts the rows of a file
whose prestation the présérie excludes (imagerie, transport): set aside, not errors.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prerequisite_validation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "preserie_id",
            sa.Integer(),
            sa.ForeignKey("preserie.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("validated_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_prerequisite_validation_preserie_id", "prerequisite_validation", ["preserie_id"])
    # The one validation an older file knows of becomes the first event of its history.
    op.execute(
        "INSERT INTO prerequisite_validation (preserie_id, validated_at) "
        "SELECT id, technical_prerequisites_validated_at FROM preserie "
        "WHERE technical_prerequisites_validated_at IS NOT NULL"
    )
    with op.batch_alter_table("technical_prerequisite") as batch:
        batch.add_column(sa.Column("removed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("import_batch") as batch:
        batch.add_column(sa.Column("out_of_scope", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("import_batch") as batch:
        batch.drop_column("out_of_scope")
    op.execute("DELETE FROM technical_prerequisite WHERE removed_at IS NOT NULL")
    with op.batch_alter_table("technical_prerequisite") as batch:
        batch.drop_column("removed_at")
    op.drop_index("ix_prerequisite_validation_preserie_id", table_name="prerequisite_validation")
    op.drop_table("prerequisite_validation")
