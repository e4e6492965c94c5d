"""Settings, paths and secrets (no Qt)."""
