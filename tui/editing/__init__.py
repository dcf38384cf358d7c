"""Editing one open table: the session (every edit, undo/redo) and recovery of unsaved edits."""
