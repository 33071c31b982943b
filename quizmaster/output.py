"""Machine-readable output without Rich, so ``--json`` commands that need speed can skip
importing ``render``. Same format as ``render.json_out`` (a test holds them equal)."""

from __future__ import annotations

import json
import sys
from typing import Any


def json_out(data: Any) -> None:
    """Machine-readable output: exactly one JSON document on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
