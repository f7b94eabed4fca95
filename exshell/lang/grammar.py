"""The PowerShell grammar (pyparsing): how its sections fit together.

The surface syntax exshell understands is built from five sections, each a module of
:mod:`exshell.lang.rules` (tokens, expressions, commands, statements, script
structure), on top of the token regex text in :mod:`~exshell.lang.lexicon`, the
node builders in :mod:`~exshell.lang.nodes` and the pyparsing building blocks in
:mod:`~exshell.lang.elements`.  :func:`build` makes the shared forward declarations,
runs the sections in order and post-processes the result; :mod:`~exshell.lang.parser`
runs it.  Nothing here imports pyparsing until :func:`build` is called.

How it is built, and why:

* Whitespace is *not* skipped by pyparsing.  Newlines are significant in PowerShell and
  "whitespace" includes backtick-newline continuations and comments, so every token
  regex starts with an explicit trivia prefix (``TRIVIA``: blanks, `` `<newline> ``,
  ``<# #>`` and ``#`` comments).  Tokens that must touch the previous one
  (``$x.Name``, ``$a[0]``, pieces of a bare word) are built without that prefix.
  Tokens after which PowerShell lets a line break (``(``, ``{``, ``,``, ``|``, binary
  operators, ``=``) swallow trailing newlines in the same regex.
* Binary operators (and the comma, which binds tighter than all of them) are parsed
  flat (``operand (op operand)*``) and grouped by precedence in a parse action:
  one regex per operator slot instead of sixteen nested grammar levels.
* The grammar never backtracks over a statement: a lookahead regex decides between
  keyword statement, expression mode and argument (command) mode, and assignment is
  recognised after the left-hand expression.  Packrat is therefore off.
* Fast paths: the commonest shapes are each one ``Regex`` element whose action
  re-scans the match (see :mod:`exshell.lang.rules.script`); they build exactly the
  trees the general rules build (``tests/lang/test_fast_path.py`` compares the two
  grammars: ``build(fast=False)`` leaves them out), and anything else falls through.
* After the build, Forward elements are bypassed and alternatives nested in
  alternatives (sequences in sequences) spliced: one element call fewer each.
  pyparsing's ``streamline()`` is not used (the splice pass covers it, and it costs
  build time); regexes compile on first use (most of the start-up cost otherwise).
* Errors are raised eagerly by "expected X" alternatives so the position is exact;
  when the text ends where more was expected the error becomes
  :class:`~exshell.lang.errors.IncompleteInput` (the REPL then asks for another line).
* Every cycle of the grammar passes through a :class:`~exshell.lang.elements.Nest`
  (pipelines, statement lists, nested operands, balanced braces): how deep a text
  may nest is then not bounded by the Python stack (see the parser).
* Per-parse state lives in a :class:`~exshell.lang.state.ParseState`, never in the
  grammar: one grammar serves every parse, in any thread.

Grammar (BNF; ``~`` = no trivia allowed before the item, ``NL`` = newlines allowed)::

    script         ::= seps? param_block? (named_block* | (statement end seps?)*) EOF
    seps           ::= (';' | NEWLINE)+
    end            ::= lookahead(';' | NEWLINE | ')' | '}' | EOF)
    statement      ::= fast_statement | keyword_statement | pipeline
    keyword_statement ::= if_statement | ':'label NL loop_statement | loop_statement
                     | try_statement | function_definition | flow_statement
                     | trap_statement | unsupported_statement | param_block
    loop_statement ::= foreach_statement | for_statement | while_statement
                     | do_statement | switch_statement
    pipeline       ::= expression (assign_op NL statement | redirection* ('|' NL element)*)
                     | command ('|' NL element)*
    assign_op      ::= '=' | '+=' | '-=' | '*=' | '/=' | '%='
    element        ::= expression redirection* | command
    command        ::= ('&' | '.') command_name_expr command_element*
                     | generic_name command_element*
    command_element::= parameter | redirection | argument | '--'
    parameter      ::= DASH name (~':' argument?)?
    argument       ::= arg_primary (',' NL arg_primary)*
    arg_primary    ::= bare_word | variable (~postfix+ | ~word_piece+)? | number
                     | string ~word_piece* | '@'~name | group_primary ~postfix*
    bare_word      ::= plain ~word_piece*
    word_piece     ::= plain | variable | '$(' statements ')' | string
    redirection    ::= ('1'..'6' | '*')? ('>' | '>>') ('&' ('1'..'6') | argument)
    expression     ::= unary ((binary_op | ',') NL unary)*    -- grouped by precedence:
                         ',' > '..' > '-f' > '* / %' > '+ -' > comparison/-replace/-split/
                         -join/-is/-as > -band/-bor/-bxor/-shl/-shr > -and/-or/-xor
    expr_no_comma  ::= unary (binary_op NL unary)*
    unary          ::= fast_operand | postfix_expr ('++' | '--')? | unary_op NL unary
    unary_op       ::= '-not' | '!' | '-bnot' | '-split' | '-join' | '-' | '+'
                     | '++' | '--' | ','
    postfix_expr   ::= primary (~'.' member ~call? | ~'::' member ~call? | ~'[' NL expression NL ']')*
    member         ::= name | variable | string
    call           ::= '(' NL (expr_no_comma (',' NL expr_no_comma)*)? NL ')'
    primary        ::= variable | number | string | here_string | '(' NL pipeline NL ')'
                     | '$(' statements ')' | '@(' statements ')' | hash_literal
                     | script_block | '[' type ']' unary?      -- a cast when an operand follows
    hash_literal   ::= '@{' (seps | key '=' NL statement)* '}'
    script_block   ::= '{' param_block? (named_block* | statements) '}'
    named_block    ::= ('begin' | 'process' | 'end' | 'dynamicparam') '{' statements '}'
    param_block    ::= attribute* 'param' '(' NL (parameter_decl (',' NL parameter_decl)*)? NL ')'
    parameter_decl ::= (attribute | '[' type ']')* variable ('=' NL expr_no_comma)?
    attribute      ::= '[' name '(' (attr_arg (',' attr_arg)*)? ')' ']'
    string         ::= single_quoted | '"' (text | variable | '$(' statements ')')* '"'
                     | here_single | '@"' NEWLINE (text | variable | '$(' statements ')')* NEWLINE '"@'
    if_statement   ::= 'if' '(' pipeline ')' block ('elseif' '(' pipeline ')' block)* ('else' block)?
    foreach_statement ::= 'foreach' '(' variable 'in' pipeline ')' block
    for_statement  ::= 'for' '(' pipeline? (';' | NEWLINE)? pipeline? (';' | NEWLINE)? pipeline? ')' block
    while_statement ::= 'while' '(' pipeline ')' block
    do_statement   ::= 'do' block ('while' | 'until') '(' pipeline ')'
    block          ::= '{' statements '}'
    switch_statement ::= 'switch' switch_option* '(' pipeline ')' '{' (('default' | arg_primary) block)* '}'
    try_statement  ::= 'try' block ('catch' ('[' type ']' (',' '[' type ']')*)? block)* ('finally' block)?
    trap_statement ::= 'trap' ('[' type ']')? block
    function_definition ::= ('function' | 'filter') name ('(' parameter_decl,* ')')? script_block
    flow_statement ::= ('break' | 'continue') label? | ('return' | 'exit' | 'throw') pipeline?
    unsupported_statement ::= ('class' | 'enum' | 'configuration' | 'workflow') header
                              balanced_braces | 'data' name? balanced_braces
                            | 'using' ('namespace' | 'module' | 'assembly') rest_of_line
    fast_statement ::= (simple_var assign_op NL)?
                       (fast_operand (binary_op NL fast_operand)* ('|' NL simple_command)*
                       | simple_command ('|' NL simple_command)*) end seps?
                       -- seps only in a statement list
"""
from __future__ import annotations

import types

__all__ = ["build", "Rules"]


class Rules(types.SimpleNamespace):
    """The grammar's elements by name, shared between the sections while they build."""


#: Rules that are used before they are defined (the grammar is recursive).
FORWARDS = ("statement", "pipeline", "expression", "expr_nc", "unary", "statements",
            "script_block", "arg_value", "block", "word_piece", "attribute", "fast_pipeline",
            "param_block")


def build(fast: bool = True, lean: bool = True, driver: str = "compiled"):
    """Build the grammar and return its root element (the whole script).  With
    ``fast=False`` the fast regex paths are left out.  ``driver`` says what runs it:
    ``"compiled"`` (:mod:`~exshell.lang.compiled`), ``"lean"``
    (:mod:`~exshell.lang.driver`) or ``"pyparsing"`` (its own); ``lean=False`` is the
    same as ``driver="pyparsing"`` (tests compare the three)."""
    from .pp_import import pyparsing
    pp = pyparsing()  # before any other import of it (no unittest)

    from .rules import commands, expressions, script, statements, tokens

    g = Rules(**{name: pp.Forward() for name in FORWARDS})
    g.fast = fast
    tokens.build(g)
    expressions.build(g)
    commands.build(g)
    statements.build(g)
    script.build(g, fast)
    if fast:
        # The fast paths' regexes cost more to compile than they save on a short text;
        # the compiled driver switches them on once a process has parsed enough.
        for e in (g.FAST_ARG, g.FAST_OPERAND, g.FAST_STMT, g.FAST_STMT_SEP):
            e.fast_path = True
    # No element skips whitespace: trivia is explicit in the token regexes.
    # pyparsing's streamline() is not called: its work that matters here (splicing
    # nested sequences and alternatives) is done by _no_whitespace after Forwards are
    # bypassed, which finds more of them, and skipping it saves a third of build time.
    _no_whitespace(g.script, resolve_forwards=True)
    if not lean:
        driver = "pyparsing"
    if driver == "compiled":
        from .compiled import install
        install(g.script)
    elif driver == "lean":
        from .driver import install
        install(g.script)
    return g.script


def _no_whitespace(root, resolve_forwards=False):
    """Walk the grammar: switch off pyparsing's whitespace skipping (trivia is explicit)
    and, once it is streamlined, short-circuit Forward elements (each one is an extra
    call per use).  Elements get short fixed names first: pyparsing's Forward is what
    stops default-name generation from looping over the (cyclic) grammar."""
    import pyparsing as pp

    def resolve(e):
        while isinstance(e, pp.Forward) and e.expr is not None and not e.parseAction \
                and not e.resultsName:
            e = e.expr
        return e

    seen = set()
    stack = [root]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        e.skipWhitespace = False
        e.whiteChars = set()
        e.callPreparse = False
        if e.customName is None:
            # pyparsing's default names describe the whole sub-grammar (slow to build
            # and, once Forwards are bypassed, recursive); our errors never show them.
            e.customName = type(e).__name__
        sub = getattr(e, "exprs", None)
        if sub:
            stack.extend(sub)
        one = getattr(e, "expr", None)
        if one is not None:
            stack.append(one)
    if not resolve_forwards:
        return
    for e in list(_all_elements(root)):
        sub = getattr(e, "exprs", None)
        if sub:
            sub[:] = [resolve(x) for x in sub]
        one = getattr(e, "expr", None)
        if one is not None and not isinstance(e, pp.Forward):
            e.expr = resolve(one)
    # Bypassing Forwards leaves alternatives directly inside alternatives and sequences
    # inside sequences (streamline ran while the Forwards hid them): splice the inner
    # ones in when they do nothing of their own (one element call fewer each time).
    def plain(x, kind):
        return type(x) is kind and not x.parseAction and not x.resultsName \
            and not x.failAction and not x.debug \
            and not any(type(y) is pp.And._ErrorStop for y in x.exprs)

    for e in list(_all_elements(root)):
        kind = type(e)
        if kind is not pp.MatchFirst and kind is not pp.And:
            continue
        while any(plain(x, kind) for x in e.exprs):
            flat = []
            for x in e.exprs:
                flat.extend(x.exprs if plain(x, kind) else (x,))
            e.exprs[:] = flat


def _all_elements(root):
    seen = set()
    stack = [root]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        stack.extend(getattr(e, "exprs", None) or ())
        one = getattr(e, "expr", None)
        if one is not None:
            stack.append(one)


if __name__ == "__main__":  # pragma: no cover - a developer's tool
    import os
    import sys
    if "--write-compiled" in sys.argv:
        from .compiled import kept_module_text
        target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_compiled_grammar.py")
        root = build(driver="lean")
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(kept_module_text(root))
        print("wrote", target)
        from .compiled import kept_patterns
        from .lexicon import kept_regexes_text
        target = os.path.join(os.path.dirname(target), "_compiled_regexes.py")
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(kept_regexes_text(kept_patterns(root)))
        print("wrote", target)
