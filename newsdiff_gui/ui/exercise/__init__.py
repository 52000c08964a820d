"""Classroom exercises: the student window, the teacher's editor and their controller."""
