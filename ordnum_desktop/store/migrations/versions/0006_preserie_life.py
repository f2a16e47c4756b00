"""the présérie's life: measurement periods, deployment steps, validation scope

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:00:00

Issue 11. A prolongation opens a new measurement period (`preserie_period`: number 2, 3…, the day
it starts, the corrected software version, the reason, the closed bilan it follows); period 1 is
the présérie's start and has no row. After a deploy decision, the deployment start meeting, the
day the éditeur switched the traces off and the Assurance Maladie's authorisation are dated on the
présérie. The validation scope adds whether the product integrates a third-party prescription
engine (then not covered by the validation of another product) and whether the software serves
both libéral doctors and health centres (then valid for both situations). `closed_bilan.early`
records a bilan closed before the référentiel's minimum duration, on confirmation (a new column
is not an UPDATE: the frozen trigger of 0005 is not involved).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "preserie_period",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "preserie_id",
            sa.Integer(),
            sa.ForeignKey("preserie.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("software_version", sa.String(), nullable=False),
        sa.Column("previous_version", sa.String(), nullable=False, server_default=""),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("after_bilan", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("preserie_id", "number", name="uq_preserie_period_number"),
    )
    with op.batch_alter_table("preserie") as batch:
        batch.add_column(sa.Column("deployment_meeting_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("traces_off_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("authorised_date", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("third_party_engine", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("serves_both", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("closed_bilan", sa.Column("early", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # A server drops the column in place: its trigger stays as it is.
        op.drop_column("closed_bilan", "early")
    else:
        # SQLite's batch mode rebuilds the table, which loses the trigger of 0005.
        op.execute("DROP TRIGGER IF EXISTS closed_bilan_frozen")
        with op.batch_alter_table("closed_bilan") as batch:
            batch.drop_column("early")
        op.execute(
            "CREATE TRIGGER closed_bilan_frozen BEFORE UPDATE ON closed_bilan "
            "BEGIN SELECT RAISE(ABORT, 'closed_bilan is frozen: a closed bilan is never changed'); END"
        )
    with op.batch_alter_table("preserie") as batch:
        for name in ("serves_both", "third_party_engine", "authorised_date", "traces_off_date"):
            batch.drop_column(name)
        batch.drop_column("deployment_meeting_date")
    op.drop_table("preserie_period")
