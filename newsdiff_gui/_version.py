"""The version, written here rather than read from the installed metadata:
``importlib.metadata`` costs ~70 ms at every start, half the budget of
``newsdiff --version``. It must equal ``pyproject.toml``'s (a test checks)."""

__version__ = "0.1.0"
