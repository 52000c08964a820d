"""Shared UI foundations with no feature knowledge: theme, icons, the background task
runner, text formats for marked runs, and the legend.
"""
