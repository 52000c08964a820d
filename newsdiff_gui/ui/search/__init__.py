"""Find across versions: the search bar and its controller."""
