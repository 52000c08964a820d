"""A reader's own layer on an alignment: notes and manual link corrections, anchored to
text so they survive re-segmentation.
"""
