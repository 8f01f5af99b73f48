"""Baseline: the schema before migrations (issues 4, 10): assessments, snapshots, changes, links.

Revision ID: 0001
Revises: (none)

Written out here, not imported from store.py: a revision is frozen, the models move on. A
database made before Alembic may already hold some of these tables (the store made them with
create_all, and `links` only once a link was issued), so each is created only where it is missing;
the store then records this revision (see migrate.py).
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _missing(name: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(name)


def upgrade() -> None:
    if _missing("assessments"):
        op.create_table(
            "assessments",
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("name", sa.String(200), nullable=False),
            sa.Column("organisation", sa.String(200), nullable=False),
            sa.Column("model", sa.String(4), nullable=True),
            sa.Column("sample", sa.Boolean, nullable=False),
            sa.Column("document", sa.Text, nullable=False),
            sa.Column("version", sa.Integer, nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        )
    if _missing("snapshots"):
        op.create_table(
            "snapshots",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("assessment_id", sa.String(64), sa.ForeignKey("assessments.id", ondelete="CASCADE"),
                      nullable=False),
            sa.Column("name", sa.String(200), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("document", sa.Text, nullable=False),
        )
        op.create_index("ix_snapshots_assessment_id", "snapshots", ["assessment_id"])
    if _missing("changes"):
        op.create_table(
            "changes",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("assessment_id", sa.String(64), sa.ForeignKey("assessments.id", ondelete="CASCADE"),
                      nullable=False),
            sa.Column("version", sa.Integer, nullable=False),
            sa.Column("at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("actor_kind", sa.String(12), nullable=False),
            sa.Column("actor_person", sa.String(64), nullable=True),
            sa.Column("actor_label", sa.String(200), nullable=False),
            sa.Column("ops", sa.Text, nullable=False),
            sa.Column("paths", sa.Text, nullable=False),
            sa.UniqueConstraint("assessment_id", "version", name="changes_one_per_version"),
        )
    if _missing("links"):
        op.create_table(
            "links",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("assessment_id", sa.String(64), sa.ForeignKey("assessments.id", ondelete="CASCADE"),
                      nullable=False),
            sa.Column("kind", sa.String(16), nullable=False),
            sa.Column("person_id", sa.String(64), nullable=True),
            sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
            sa.Column("names", sa.Boolean, nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        )
        op.create_index("ix_links_assessment_id", "links", ["assessment_id"])


def downgrade() -> None:
    for name in ("links", "changes", "snapshots", "assessments"):
        op.drop_table(name)
