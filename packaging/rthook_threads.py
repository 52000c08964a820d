"""PyInstaller runtime hook: runs in the frozen app before newsdiff's own code.

Why: numpy's OpenBLAS starts one thread per CPU core when numpy is imported.
The engine only does matrix-vector products of a few hundred rows by 128
columns, where threads gain nothing (measured: 100 versions align in the
same time with one thread) but starting them costs start-up time (80 ms on
2 cores here, more on many-core desktops). ``setdefault``, so a user or
a test can still choose another count.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
