"""Tables in git: cell-level diff, three-way merge, conflicts kept in the file, git history.

The core API for the editor (merge-on-save, the conflict keys, the history
panel), for recovery and for ``jixiao diff`` / ``jixiao merge``. No terminal
code; modules are imported one by one (this package imports nothing).

* ``tui.history.rows`` — which row of one version is which of another
  (``match_rows``, ``moved_rows``); the rules are in ``docs/format.md``.
* ``tui.history.diff`` — ``diff_tables(old, new)`` → ``TableDiff``: changed
  section cells, rows added / removed / moved / changed, each ``CellChange``
  marked ``lowered`` (a target asking for less) or ``after_approval``.
* ``tui.history.report`` / ``textconv`` — a diff as text, Markdown or JSON; a
  table as one line per cell for git.
* ``tui.history.merge`` — ``merge_tables(base, mine, theirs, layout=…)``.
* ``tui.history.conflicts`` — conflicts stored in the table (``merge_conflict``
  records): ``conflicts_in(table)``, ``resolve(table, conflict, side)``.
* ``tui.history.files`` — ``merge_files`` (the git driver), ``merge_onto_disk``
  and ``merge_onto`` (the editor and recovery).
* ``tui.history.git`` — ``file_history(path)``, ``table_at(rev, path)``,
  ``commit_versions`` (a commit's table and its parent's), ``changed_tables``,
  ``approved_version``.
* ``tui.history.approval`` — ``find_approved(path, mark)`` / ``approved_table``:
  the approved version, cached per file, mark and ``HEAD``, for rule A001
  (``tui.checking.check(table, approved=…)``).

Saving when the file changed on disk — merge my edits onto it, resolve, save::

    from tui.history.files import merge_onto_disk

    if session.file.changed_on_disk():
        merge = merge_onto_disk(session.file)       # reads the disk version
        for conflict in merge.conflicts:            # each: base / mine / theirs
            ref = conflict.ref(merge.table)         # ("indicators", 4, "annual")
            show(ref, conflict.base, conflict.mine, conflict.theirs)
            merge.resolve(conflict, "theirs")       # or "mine" / "base", one key each
        merge.apply()       # the file now edits the disk version, holding the result
        session.save()      # writes only my changes into the disk text

Unresolved conflicts may be left: ``apply()`` keeps them in the table as
records, saved with it, shown by ``jixiao check`` (M001) and found again on
the next load with ``conflicts_in(table)``; ``resolve(table, conflict, side)``
settles one in an open table (push an undo step first). The editor adopts a
merge with ``Session.adopt_merge(merge)`` (it calls ``apply()``; one undo step
back to the pre-merge table) and settles conflicts with
``Session.resolve_conflict(conflict, side)`` (one undo step each). The recovery flow
calls ``merge_onto(file, base, recovered)`` with the base its edits were made on.

History panel — the file's commits and the cell-level diff of each::

    from tui.history.diff import diff_tables
    from tui.history.git import commit_versions, file_history, table_at

    commits = file_history(path)        # newest first, renames followed, merges included
    for newer, older in zip(commits, [*commits[1:], None]):
        before, after = commit_versions(path, newer, older)   # against its first parent
        diff = diff_tables(before, after)
    buffer_vs_head = diff_tables(table_at("HEAD", path), session.table)

``tui.history.report.text_lines(diff, Style(color=False))`` gives the lines
``jixiao diff`` prints (escaped; the UI may colour them from the
``CellChange`` / ``RowChange`` fields instead).
"""
