"""`python -m callpad`: start the desktop application."""

import gc
import sys

# Start-up builds long-lived objects and few cycles: no collections while importing the app
# (app.main() keeps the collector off until start-up is over, then freezes and re-enables it).
gc.disable()

from callpad.app import main  # noqa: E402 - after gc.disable(), on purpose

if __name__ == "__main__":
    sys.exit(main())
