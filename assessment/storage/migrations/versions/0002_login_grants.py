"""Login (issue 14): the owner of an assessment and the grants its owner gave, by e-mail.

Revision ID: 0002
Revises: 0001
The tables as assessment/access/grants.py defines them (tests/unit/test_grants_migration.py
compares the two on SQLite and PostgreSQL). A database made by a build of issue 14 before its
migrations may hold these tables already (the store made them with create_all): each is created
only where it is missing, as in 0001."""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _missing(name: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(name)


def upgrade() -> None:
    if _missing("owners"):
        _owners()
    if _missing("grants"):
        _grants()


def _owners() -> None:
    op.create_table(
        "owners",
        sa.Column("assessment_id", sa.String(64), sa.ForeignKey("assessments.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_owners_email", "owners", ["email"])


def _grants() -> None:
    op.create_table(
        "grants",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("assessment_id", sa.String(64), sa.ForeignKey("assessments.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("names", sa.Boolean, nullable=False),
        sa.Column("granted_by", sa.String(254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("assessment_id", "email", name="grants_one_per_user"),
    )
    op.create_index("ix_grants_email", "grants", ["email"])


def downgrade() -> None:
    op.drop_index("ix_grants_email", table_name="grants")
    op.drop_table("grants")
    op.drop_index("ix_owners_email", table_name="owners")
    op.drop_table("owners")
