"""The async Call API client (no Qt)."""
