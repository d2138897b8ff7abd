"""The store: many reports in one database (SQLite by default, PostgreSQL by URL), compared across years
and departments. database.py opens it (and migrates it with Alembic), ingest.py puts Outcomes in,
compare.py takes key figures out, names.py matches organisations across years."""

from juesuan.store.database import DEFAULT_DB, Store, StoreError, open_store

__all__ = ["DEFAULT_DB", "Store", "StoreError", "open_store"]
