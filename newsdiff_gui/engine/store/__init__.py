"""Persistence: atomic writes, the user's data, config and cache folders, settings."""
