"""Widgets of the editor, one per file."""
