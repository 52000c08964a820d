"""Where the tests' own data and the repository are, from any test folder."""

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
DATA = TESTS / "data"
GOLD = DATA / "gold"
