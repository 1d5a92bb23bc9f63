"""Names the command line needs before anything heavy is imported.

``claimtrack --help`` builds every command's options from these; keeping them
out of ``models.py`` and ``store.py`` spares it pydantic and the store's
imports (models and store re-export them).
"""

from __future__ import annotations

from pathlib import Path

CLAIM_KINDS: tuple[str, ...] = ("prediction", "event", "statement", "intention", "demand", "opinion")
CONTRADICTION_TYPES: tuple[str, ...] = ("prediction_contradicted", "reversal", "conflicting_reports")
DEFAULT_STORE = Path("data") / "claims.jsonl"
