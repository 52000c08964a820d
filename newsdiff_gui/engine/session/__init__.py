"""Recipes that put the pipeline together for the front ends: an open set (articles,
alignment, corrections, notes) and collections of stories.
"""
