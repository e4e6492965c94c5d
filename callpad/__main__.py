"""`python -m callpad`: start the desktop application."""

import sys

from callpad.app import main

if __name__ == "__main__":
    sys.exit(main())
