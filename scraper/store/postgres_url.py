"""Telling a PostgreSQL target from a SQLite path, and showing it without its password
(no psycopg import: the SQLite-only install must not need it)."""

from __future__ import annotations

import re


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)
