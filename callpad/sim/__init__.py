"""A faithful simulator of the Call API v4.0 (no Qt, never imports callpad.api)."""
