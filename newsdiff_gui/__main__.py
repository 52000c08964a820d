"""``python -m newsdiff_gui`` is the same as the ``newsdiff`` command."""

import sys

from .cli import main

sys.exit(main())
