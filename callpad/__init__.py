"""callpad: a keyboard-first remote control for calls on the UIS / CoMagic Call API v4.0."""

__version__ = "0.1.0"
