"""closed bilans: the bilan as it was closed at the meeting, kept for good

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 09:10:00

A closed bilan is a record (issue 11): its figures (the bilan JSON), its digest, the PDF bytes
that were signed, the decision, the meeting date and the signatories are stored as they were
on the day of the closing, so that later imports, undos and roster edits never change them.
`number` counts the closed bilans of one présérie (1, 2…). A trigger refuses any UPDATE of a
closed bilan, whatever writes to the file; deleting the présérie still deletes its bilans.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "closed_bilan",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "preserie_id",
            sa.Integer(),
            sa.ForeignKey("preserie.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("signatories", sa.Text(), nullable=False, server_default=""),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("digest", sa.String(), nullable=False),
        sa.Column("figures_json", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.UniqueConstraint("preserie_id", "number", name="uq_closed_bilan_number"),
    )
    if op.get_bind().dialect.name == "postgresql":
        # The same refusal on a server: a trigger runs a function there.
        op.execute(
            "CREATE FUNCTION closed_bilan_frozen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'closed_bilan is frozen: a closed bilan is never changed'; END $$"
        )
        op.execute(
            "CREATE TRIGGER closed_bilan_frozen BEFORE UPDATE ON closed_bilan "
            "FOR EACH ROW EXECUTE FUNCTION closed_bilan_frozen()"
        )
        return
    op.execute(
        "CREATE TRIGGER closed_bilan_frozen BEFORE UPDATE ON closed_bilan "
        "BEGIN SELECT RAISE(ABORT, 'closed_bilan is frozen: a closed bilan is never changed'); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_table("closed_bilan")  # drops its trigger
        op.execute("DROP FUNCTION IF EXISTS closed_bilan_frozen()")
        return
    op.execute("DROP TRIGGER IF EXISTS closed_bilan_frozen")
    op.drop_table("closed_bilan")
