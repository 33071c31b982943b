"""The database a command works on: the path it names (``--db``, else ``$QUIZMASTER_DB``, else
the user data directory), that path's folder checked, and the store opened on it with the
built-in deck loaded into a new collection. :class:`Invocation` carries it with the
:class:`~quizmaster.environment.Environment` from the command line to the commands."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from quizmaster.environment import Environment

if TYPE_CHECKING:
    from quizmaster.store import Store


def db_path(given: Path | None, environ: Mapping[str, str]) -> Path:
    """``--db`` when given, else ``$QUIZMASTER_DB``, else the user data directory's file."""
    from quizmaster.paths import default_db_path

    return given or default_db_path(environ)


def named_by_user(given: Path | None, environ: Mapping[str, str]) -> bool:
    """Whether the user chose the path (``--db`` or ``$QUIZMASTER_DB``) rather than the default."""
    from quizmaster.paths import DB_ENV_VAR

    return given is not None or bool(environ.get(DB_ENV_VAR, "").strip())


def check_db_folder(path: Path, *, explicit: bool) -> None:
    """A database path the user gave must be in a folder that exists: silently creating
    folders would turn a typo into an empty collection that looks like lost data. (The
    default folder in the user data directory is created.)"""
    from quizmaster.errors import DatabaseError

    parent = path.parent
    if explicit and str(path) != ":memory:" and not parent.exists() and not parent.is_symlink():
        raise DatabaseError(
            f"{path}: folder {parent} does not exist; check the path, or create the folder "
            f"first (mkdir -p {parent})"
        )


def open_store(env: Environment, db: Path | None, *, builtin: bool = True) -> Store:
    """Open the database ``db`` names (see :func:`db_path`); a new database gets the built-in
    deck, unless ``builtin`` is False: a command that brings the user's own deck (ingest,
    import) starts the database without the demo deck."""
    from quizmaster.store import Store

    path = db_path(db, env.environ)
    check_db_folder(path, explicit=named_by_user(db, env.environ))
    store = Store.open(path, now=env.now())
    try:
        if builtin and store.builtin_deck_pending():
            from quizmaster.importers import ensure_builtin_deck

            ensure_builtin_deck(store, now=env.now())
    except BaseException:
        store.close()
        raise
    return store


@dataclass(frozen=True)
class Invocation:
    """What one run of the command line was started with: its environment and the
    ``--db`` it was given (None: the environment's or the default database)."""

    env: Environment
    db: Path | None = None

    def with_db(self, db: Path | None) -> Invocation:
        """This invocation with ``--db`` given after the command, which wins over one before."""
        return self if db is None else replace(self, db=db)

    @property
    def db_path(self) -> Path:
        return db_path(self.db, self.env.environ)

    def open_store(self, *, builtin: bool = True) -> Store:
        return open_store(self.env, self.db, builtin=builtin)
