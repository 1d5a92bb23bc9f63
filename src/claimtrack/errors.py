"""Errors with messages a user can act on.

Core code raises these; ``cli.py`` turns them into click errors in one place.
Each message says where, what, and how to fix it.
"""

from __future__ import annotations


class ClaimtrackError(Exception):
    """Base class: any failure claimtrack explains to its user."""


class InputError(ClaimtrackError):
    """Raised when an article or its metadata cannot be read: a missing path, an
    empty or binary file, an undecodable encoding, bad front matter or sidecar."""


class StoreError(ClaimtrackError):
    """Raised when the store cannot be read or written."""


class StoreLocked(StoreError):
    """Raised when another process holds the store's lock for too long."""


class ModelNotInstalled(ClaimtrackError):
    """Raised when the spaCy pipeline asked for cannot be loaded."""


class NotFound(ClaimtrackError):
    """Raised when a record asked for by id is not in the store."""
