"""File → Export Report…: the dialog's action and Qt's PDF writer handed to the engine."""
