"""Entry script frozen by PyInstaller: the same ``main`` as the ``newsdiff`` command.

Why a separate file: PyInstaller needs a script path, and ``newsdiff_gui/__main__.py``
uses a relative import that only works inside the package.
"""

import sys

from newsdiff_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
