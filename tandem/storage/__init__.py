"""SQLModel tables, the async engine, Alembic migrations and tenant-scoped repositories."""
