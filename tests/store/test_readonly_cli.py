"""Read-only commands on what is not a store (issue 19, point 3): the installed `kliping`, run as a
user would, on a missing file, an empty file, a foreign file and an empty PostgreSQL database.
Each exits 6 with "not a kliping store" and leaves the target exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pgserver import PostgresServer

REPO = Path(__file__).resolve().parents[2]
KLIPING = str(Path(sys.executable).parent / "kliping")  # the script the package installs


def readers(db: str, tmp: Path) -> dict[str, list[str]]:
    """Every command that only reads a store, with the arguments it needs."""
    return {
        "export": ["export", "--db", db, "--out", str(tmp / "out.jsonl")],
        "export txt": ["export", "--db", db, "--format", "txt", "--out", str(tmp / "txt")],
        "runs": ["runs", "--db", db],
        "health": ["health", "--db", db],
        "stories": ["stories", "--db", db],
        "search": ["search", "harga", "--db", db],
        "serve": ["serve", "--db", db, "--port", "9"],  # refused before it would listen
        "fixture add": [
            "fixture",
            "add",
            "--from-db",
            "https://www.kontan.co.id/news/a",
            "--db",
            db,
            "--fixtures",
            str(tmp / "fixtures"),
        ],
    }


def run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([KLIPING, *args], capture_output=True, text=True, timeout=120,
                          cwd=REPO)  # fmt: skip


def assert_refused(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 6, (result.returncode, result.stderr)
    assert result.stderr.startswith("kliping: ") and result.stderr.count("\n") == 1, result.stderr
    assert "not a kliping store" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


COMMANDS = list(readers("x", Path(".")))


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_file_is_refused_and_not_created(command: str, tmp_path: Path) -> None:
    store_dir = tmp_path / "data"
    db = store_dir / "kliping.db"
    result = run(readers(str(db), tmp_path)[command])
    assert_refused(result)
    assert "no such file" in result.stderr
    assert not store_dir.exists()  # neither the file nor its folder
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "txt").exists()


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("content", "why"),
    [(b"", "the file is empty"), (b"just some notes, not a database\n", "not a SQLite database")],
)
def test_empty_or_foreign_file_is_refused_and_left_untouched(
    command: str, content: bytes, why: str, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "kliping.db"
    db.write_bytes(content)
    os.utime(db, ns=(1_000_000_000, 1_000_000_000))
    before = listing(folder)
    result = run(readers(str(db), tmp_path)[command])
    assert_refused(result)
    assert why in result.stderr
    assert listing(folder) == before  # same bytes, same mtime, no -wal, -shm or .lock beside it
    assert db.read_bytes() == content


def public_tables(url: str) -> list[str]:
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT table_name FROM information_schema.tables "
                            "WHERE table_schema = 'public'").fetchall()  # fmt: skip
    return sorted(r[0] for r in rows)


@pytest.mark.parametrize("command", COMMANDS)
def test_empty_postgres_database_is_refused_and_not_set_up(
    command: str, pg_server: PostgresServer, tmp_path: Path
) -> None:
    db = pg_server.database()
    assert public_tables(db) == []
    assert_refused(run(readers(db, tmp_path)[command]))
    assert public_tables(db) == []  # no kliping tables made in it
