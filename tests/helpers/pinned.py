"""What every test holds fixed: the moment it runs at and the folder of its data files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.timezone.utc)
DATA = Path(__file__).resolve().parents[1] / "data"
