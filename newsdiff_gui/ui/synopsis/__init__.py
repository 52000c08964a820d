"""The Synopsis tab: every version against a base, one column each."""
