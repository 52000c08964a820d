"""Headless ``newsdiff`` sub-commands, one module each (see ``cli.py``)."""
