"""row versions for team mode: who changed a doctor or a planning row, and when

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 13:40:00

Issue 15 (team mode). Two coordinators may edit the same doctor or planning row at once on a
shared server: each such row gets a `version` number (SQLAlchemy's `version_id_col`: every UPDATE
says `WHERE version = :read` and bumps it), so that the second save of a row read before the first
one landed is refused instead of overwriting it; `changed_by` / `changed_at` name who made the
change the refusal talks about. `audit_entry.changed_by` is the database user behind each entry
(`current_user` on the server, the OS login on a laptop file). Rows written before this revision
start at version 1, changed by nobody known (''). Plain `add_column` works on both engines;
SQLite's ALTER TABLE … ADD COLUMN needs no table copy for these (constant defaults).
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

VERSIONED = ("doctor", "installation_plan")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        op.add_column(table, sa.Column("changed_by", sa.String(), nullable=False, server_default=""))
        op.add_column(table, sa.Column("changed_at", sa.DateTime(), nullable=True))
    op.add_column("audit_entry", sa.Column("changed_by", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("audit_entry") as batch:
        batch.drop_column("changed_by")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("changed_at")
            batch.drop_column("changed_by")
            batch.drop_column("version")
