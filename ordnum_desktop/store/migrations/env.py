"""Alembic environment: runs on the connection the workspace opener hands over."""

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import ordnum_desktop.store.models  # noqa: F401  (registers the tables)

config = context.config
connection = config.attributes.get("connection")

if connection is None:
    # Only for `alembic revision --autogenerate` during development.
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    # The opener's connection is already in one transaction (BEGIN sent by hand, see
    # store/engine.py): every migration runs inside it, so an upgrade is all or nothing.
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()
