"""The Coverage tab: which version carries which unit of content."""
