"""Help content for Get-Help, as data: descriptions, examples, parameter texts and
about_ topics (:mod:`exshell.help.texts`).

Owns words only, written in our own words.  Imports nothing (not even the rest of
exshell): the renderer in ``exshell.cmdlets.help`` reads this data.
"""
