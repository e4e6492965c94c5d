"""Where the icons and translations live: package data in a wheel, `resources/` in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_dir(kind: str) -> Path | None:
    """Return the folder holding `kind` ("icons", "translations"), or None if neither exists.

    An installed wheel maps the repository's `resources/` into `callpad/ui/resources/` (package
    data); a source checkout and the PyInstaller bundle keep it at the top level.
    """
    packaged = resources.files("callpad.ui") / "resources" / kind
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "resources" / kind
    if checkout.is_dir():
        return checkout
    return None
