"""newsdiff's engine: load, segment, align, diff and read article sets.

Pure Python (no Qt import anywhere below this package): usable as a library,
by the CLI with no display, and by the GUI on a worker thread.
"""

import os as _os

# One BLAS thread, unless the user chose otherwise (before numpy is imported).
# The aligner does thousands of small matrix-vector products; on a busy
# machine OpenBLAS's threads spin against each other and made a 600,000
# character pair align in 180 s instead of 36 s (packaging/rthook_threads.py
# does the same for the bundled app).
_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
