"""LateService: stands for the CallService until the HTTP client exists (demo start-up)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from callpad.api.service import CallService

if TYPE_CHECKING:
    from callpad.api.models import ReplyMetadata
    from callpad.api.service import MetadataListener


class LateService:
    """Stands for the CallService until it exists, so that the window is shown before it.

    httpx, the API client and the simulator take 130-180 ms to import and start (bench_startup.py);
    the window need not wait for them. Until `bind()`, every coroutine waits for the service, the
    properties read as logged out, and metadata listeners are kept and then fed from the service.
    Desk and the viewmodels see a CallService (via `cast`: the methods come from `__getattr__`).
    """

    _BEFORE_BIND: ClassVar[Mapping[str, object]] = {"is_authenticated": False}  # others: None

    def __init__(self) -> None:
        self._service: CallService | None = None
        self._close: Callable[[], Awaitable[None]] | None = None
        self._bound = asyncio.Event()
        self._listeners: list[MetadataListener] = []

    def bind(self, service: CallService, close: Callable[[], Awaitable[None]]) -> None:
        self._service, self._close = service, close
        service.add_metadata_listener(self._notify)
        self._bound.set()

    def add_metadata_listener(self, listener: MetadataListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    async def aclose(self) -> None:
        """Close the bound service (nothing to do if it never came)."""
        if self._close is not None:
            await self._close()

    def _notify(self, metadata: ReplyMetadata) -> None:
        for listener in list(self._listeners):
            listener(metadata)

    def __getattr__(self, name: str) -> Any:
        if self._service is not None:
            return getattr(self._service, name)
        member = getattr(CallService, name)  # AttributeError for what a CallService lacks
        if isinstance(member, property):
            return self._BEFORE_BIND.get(name)
        if not inspect.iscoroutinefunction(member):
            raise RuntimeError(f"CallService.{name}() called before the service exists")

        async def when_bound(*args: Any, **kwargs: Any) -> Any:
            await self._bound.wait()
            return await getattr(self._service, name)(*args, **kwargs)

        return when_bound
