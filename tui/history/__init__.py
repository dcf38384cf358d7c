"""Tables in git: cell-level diff, three-way merge, conflicts kept in the file, git history.
"""
