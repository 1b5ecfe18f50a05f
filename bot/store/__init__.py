"""The store: refined requests beside Rasa's transcripts, in one database.

SQLAlchemy models, a repository and unit of work over a session factory built
from settings, and Alembic migrations (`python -m bot db upgrade`).
"""
