"""The application shell: the main window (the one owner of layout and menus), start-up,
crash handling, docks and the About box. Feature packages never import this package;
they receive an application context instead.
"""
