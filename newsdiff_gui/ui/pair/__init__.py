"""The pair view: two versions side by side, row by row, with marked words."""
