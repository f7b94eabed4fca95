"""The grammar's sections, one module each, built in this order by
:func:`exshell.lang.grammar.build`:

* :mod:`.tokens`: punctuation, variables, numbers, strings;
* :mod:`.expressions`: postfix operations, groupings, hash literals, script blocks,
  casts, unary and binary operators;
* :mod:`.commands`: redirections, arguments, parameters, commands, pipelines;
* :mod:`.statements`: keyword statements, attributes and param blocks, functions;
* :mod:`.script`: the fast statement path, statement lists, blocks and the script.

Each section is a function ``build(g)`` that reads the elements earlier sections put
on the shared :class:`~exshell.lang.grammar.Rules` ``g`` and adds its own.
"""
