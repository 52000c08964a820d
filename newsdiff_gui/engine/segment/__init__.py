"""Segment: a document's text into paragraphs and sentences, with boilerplate labelled."""
