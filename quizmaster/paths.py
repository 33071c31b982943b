"""Where quizmaster keeps its data. The only module that reads the environment for paths."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "quizmaster"
DB_ENV_VAR = "QUIZMASTER_DB"
DB_FILENAME = "quizmaster.db"


def user_data_dir() -> Path:
    """The platform's per-user data directory for quizmaster (not created here)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$QUIZMASTER_DB`` when set, else ``<user data dir>/quizmaster.db``."""
    env = os.environ if environ is None else environ
    override = env.get(DB_ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return user_data_dir() / DB_FILENAME


def builtin_deck_path() -> Path:
    """The built-in deck: inside the installed package, or ``data/`` of a source checkout."""
    from importlib import resources  # only here: it costs every command's start-up

    packaged = resources.files(APP_NAME).joinpath("data").joinpath("facts.yaml")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data" / "facts.yaml"
