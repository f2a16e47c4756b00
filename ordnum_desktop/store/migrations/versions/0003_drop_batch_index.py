"""drop the trace rows' index on batch_id

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 11:40:00

Maintaining ix_trace_batch cost about a tenth of a million-row import, and the only readers of
batch_id are an undo and the deletion of a présérie: a pass over the table there is cheaper than
an index updated on every imported row.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_trace_batch", table_name="trace_row")


def downgrade() -> None:
    op.create_index("ix_trace_batch", "trace_row", ["batch_id"], unique=False)
