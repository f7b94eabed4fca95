"""``exshell serve``: a class server.  Every learner over SSH in a world of their own,
grading on the server, a live dashboard for the trainer.

Modules: :mod:`.cli` (the command line), :mod:`.roster` (the class file),
:mod:`.classdb` (progress, results, command logs, time limits), :mod:`.paths` (where
things are kept; each learner's key and serial sources), :mod:`.server` (asyncssh:
authentication, the menu, the relay, time limits, the trainer's actions),
:mod:`.dashboard` (aiohttp), :mod:`.spawner` and :mod:`.zygote` (the session factory),
:mod:`.worker` (what runs in a learner's session process).

asyncssh and aiohttp are imported only by the server and the dashboard (the
``serve`` extra: ``pip install 'exshell[serve]'``).
"""
