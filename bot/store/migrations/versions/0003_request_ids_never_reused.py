"""request ids are never reused: AUTOINCREMENT on SQLite

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

SQLite gives a new row max(id) + 1, so after an erasure of the newest request
the next one got its id, and a bookmarked link in the review app opened another
company's request. AUTOINCREMENT keeps the highest id ever handed out in
`sqlite_sequence`. SQLite cannot add it to an existing table, so the table is
rebuilt (Alembic's batch copy; foreign keys are off on our connections, so the
rows in request_activities and request_tags stay). Ids erased before this
migration ran and above the highest remaining one may still be handed out once
more: nothing records them. PostgreSQL takes ids from a sequence, which never
goes back, so there is nothing to change there.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table(
        "refined_requests",
        recreate="always",
        table_kwargs={"sqlite_autoincrement": autoincrement},
    ):
        pass


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)
