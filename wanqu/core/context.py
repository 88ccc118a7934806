"""The request or batch id that ties together the change rows of one action."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_batch_id: ContextVar[str | None] = ContextVar("wanqu_batch_id", default=None)


def current_batch_id() -> str:
    """The id of the running request or batch, or a fresh one for a lone write."""
    return _batch_id.get() or uuid.uuid4().hex


@contextmanager
def batch(prefix: str = "batch") -> Iterator[str]:
    """Run a block whose writes share one batch id (a request, an import, a demo load)."""
    batch_id = f"{prefix}-{uuid.uuid4().hex}"
    token = _batch_id.set(batch_id)
    try:
        yield batch_id
    finally:
        _batch_id.reset(token)


@contextmanager
def ensure_batch(prefix: str = "write") -> Iterator[str]:
    """Join the running batch, or start one for the writes inside this block."""
    existing = _batch_id.get()
    if existing is not None:
        yield existing
        return
    with batch(prefix) as batch_id:
        yield batch_id
