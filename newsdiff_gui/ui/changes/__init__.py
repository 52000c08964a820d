"""The Changes dock: typed changes of the pair on screen and the version profiles."""
