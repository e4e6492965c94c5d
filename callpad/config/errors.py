"""The config layer's one exception type."""

from __future__ import annotations


class ConfigError(Exception):
    """Settings or credentials could not be read, validated or written."""
