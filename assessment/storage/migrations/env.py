"""Alembic's environment for the store's schema (assessment/storage/migrate.py runs it).

The app passes its own open connection in `config.attributes["connection"]` (so the migration runs
under the lock the store took); the `alembic` command line (alembic.ini at the repository root)
connects to the URL the app would use: `CSIRT_SELFCHECK_DATABASE_URL`, else the SQLite file."""
from alembic import context
from sqlalchemy import create_engine

from assessment.storage import migrate

config = context.config


def _run(connection) -> None:
    # target_metadata: what `alembic revision --autogenerate` compares the database with.
    context.configure(connection=connection, target_metadata=migrate.target_metadata(),
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(migrate.engine_url(config.get_main_option("sqlalchemy.url") or None))
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()
