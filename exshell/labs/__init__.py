"""Training labs (issue 7): a lab is a TOML file with a starting organisation, tasks,
hints, reference solutions and checks on the end state.

Modules: ``model`` (the file format, loading, structural errors with line and key),
``checks`` (evaluating checks against an organisation), ``runner`` (building the
lab's world and shells, running solutions), ``validate`` (the author's validator),
``progress`` (a learner's saved progress), ``report`` (text/JSON/HTML reports),
``cmdlets`` (Get-LabTask... added to a shell only while a lab runs) and ``cli``
(``exshell lab ...``).

May import anything in exshell (it sits beside ``shell``/``cli``); nothing in
exshell imports it except ``exshell.cli``.
"""
