"""Database layer: SQLAlchemy models, engine, migrations."""
