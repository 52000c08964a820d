"""Fixtures every test shares (pyproject.toml puts tests/ on the path for ``support``)."""

import pytest


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Notes, settings, the alignment cache and internal-error logs of a test go
    to a fresh temporary folder, never the real user's (subprocesses inherit
    the variables)."""
    base = tmp_path_factory.mktemp("user-dirs")
    for name in ("DATA", "CONFIG", "CACHE", "LOG"):
        monkeypatch.setenv(f"NEWSDIFF_{name}_DIR", str(base / name.lower()))
