"""callpad tests."""
