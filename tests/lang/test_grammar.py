"""Parser shapes: input text -> tree (rendered compactly by tests.lang.shape).

Table-driven; each row is one construct PowerShell users type.  The article's lines
(with their curly quotes) come first.
"""
from decimal import Decimal

import pytest

from exshell.lang import ast as A
from exshell.lang import parse

from .shape import shape

SHAPES = [
    ('Get-ExchangeCertificate -thumbprint “C5DD5B60949267AD624618D8492C4C5281FDD10F” | New-ExchangeCertificate',
     'pipe(cmd(Get-ExchangeCertificate, -thumbprint, "C5DD5B60949267AD624618D8492C4C5281FDD10F"), cmd(New-ExchangeCertificate))'),
    ('Enable-ExchangeCertificate -thumbprint “3DA55740509DBA19D1A43A9C7161ED2D0B3B9E3E” -services IIS',
     'pipe(cmd(Enable-ExchangeCertificate, -thumbprint, "3DA55740509DBA19D1A43A9C7161ED2D0B3B9E3E", -services, IIS))'),
    ('Get-ExchangeCertificate -Domain | fl',
     'pipe(cmd(Get-ExchangeCertificate, -Domain), cmd(fl))'),
    ('Get-ExchangeCertificate | New-ExchangeCertificate',
     'pipe(cmd(Get-ExchangeCertificate), cmd(New-ExchangeCertificate))'),
    ('Get-ExchangeCertificate -Thumbprint 5113ae0233a72fccb75b1d0198628675333d010e | fl *',
     'pipe(cmd(Get-ExchangeCertificate, -Thumbprint, 5113ae0233a72fccb75b1d0198628675333d010e), cmd(fl, *))'),
    ('Enable-ExchangeCertificate -Services IIS,SMTP',
     'pipe(cmd(Enable-ExchangeCertificate, -Services, [IIS, SMTP]))'),
    ('Enable-ExchangeCertificate -Services IIS, SMTP',
     'pipe(cmd(Enable-ExchangeCertificate, -Services, [IIS, SMTP]))'),
    ('Enable-ExchangeCertificate -Services:IIS,SMTP -Confirm:$false',
     'pipe(cmd(Enable-ExchangeCertificate, -Services:[IIS, SMTP], -Confirm:$false))'),
    ('Remove-ExchangeCertificate –Thumbprint ABC —Confirm:$false ―Force',
     'pipe(cmd(Remove-ExchangeCertificate, –Thumbprint, ABC, —Confirm:$false, ―Force))'),
    ('Import-ExchangeCertificate -FileName C:\\certs\\x.pfx -Password $pw',
     'pipe(cmd(Import-ExchangeCertificate, -FileName, C:\\certs\\x.pfx, -Password, $pw))'),
    ('New-ExchangeCertificate -SubjectName "cn=mail.contoso.com" -DomainName mail.contoso.com, autodiscover.contoso.com',
     'pipe(cmd(New-ExchangeCertificate, -SubjectName, "cn=mail.contoso.com", -DomainName, [mail.contoso.com, autodiscover.contoso.com]))'),
    ('Write-Output 7z 1.2.3 77z.exe 42 0x1F 1kb -5 - --x',
     'pipe(cmd(Write-Output, 7z, 1.2.3, 77z.exe, 42, 31, 1024, -5, -, --x))'),
    ('Write-Output a#b #comment',
     'pipe(cmd(Write-Output, a#b))'),
    ("Write-Output $a+2 a$a a'$a' !1 (!1)",
     'pipe(cmd(Write-Output, bare`{$a}+2`, bare`a{$a}`, a$a, !1, (pipe((! 1)))))'),
    ('Write-Output $cert.Thumbprint $a[0] $x.M(1, 2) $HOME.Length-more',
     'pipe(cmd(Write-Output, $cert.Thumbprint, $a[0], $x.M(1, 2), $HOME.Length, -more))'),
    ('Write-Output $x-y "a$b" a"b c"d',
     'pipe(cmd(Write-Output, bare`{$x}-y`, double`a{$b}`, ab cd))'),
    ('& $sb 1 2',
     'pipe(cmd(&$sb, 1, 2))'),
    ("& 'C:\\my tools\\x.exe' -v",
     "pipe(cmd(&'C:\\my tools\\x.exe', -v))"),
    ('. .\\profile.ps1',
     'pipe(cmd(..\\profile.ps1))'),
    ('.\\x.ps1 arg',
     'pipe(cmd(.\\x.ps1, arg))'),
    ('Get-Foo @params -Force',
     'pipe(cmd(Get-Foo, @params, -Force))'),
    ('Get-Foo -- -Name',
     'pipe(cmd(Get-Foo, -Name))'),
    ('Get-Foo 2>&1 >> log.txt *>$null 2>$null',
     'pipe(cmd(Get-Foo 2>&1 1>>log.txt *>$null 2>$null))'),
    ('$x = 1 + 2 * 3',
     '$x = pipe((1 + (2 * 3)))'),
    ('$x = 1, 2 + 3',
     '$x = pipe(([1, 2] + 3))'),
    ('$x = 1..5',
     '$x = pipe((1 .. 5))'),
    ("$x = '{0} {1}' -f 'a', 'b'",
     "$x = pipe(('{0} {1}' f ['a', 'b']))"),
    ('$x = -not $a -eq $b',
     '$x = pipe(((not $a) eq $b))'),
    ('$x = $a -or $b -and $c',
     '$x = pipe((($a or $b) and $c))'),
    ('$x = $a -band 4 -eq 4',
     '$x = pipe(($a band (4 eq 4)))'),
    ('$x = 5 -shl 2 + 1',
     '$x = pipe((5 shl (2 + 1)))'),
    ("$x = 'a' -replace 'b', 'c'",
     "$x = pipe(('a' replace ['b', 'c']))"),
    ("$x = -split 'a b'",
     "$x = pipe((split 'a b'))"),
    ("$x = -join ('a', 'b')",
     "$x = pipe((join (pipe(['a', 'b']))))"),
    ("$x = 'a,b' -split ','",
     "$x = pipe(('a,b' split ','))"),
    ("$x = $a -ceq $b -ilike 'x*'",
     "$x = pipe((($a ceq $b) ilike 'x*'))"),
    ('$x = $a –eq $b',
     '$x = pipe(($a eq $b))'),
    ('$x += 5; $y -= 1; $z *= 2; $w /= 2; $v %= 3',
     '$x += pipe(5); $y -= pipe(1); $z *= pipe(2); $w /= pipe(2); $v %= pipe(3)'),
    ('$a.b.c = 1',
     '$a.b.c = pipe(1)'),
    ('$a[0] = 2',
     '$a[0] = pipe(2)'),
    ('$i++',
     'pipe(($i ++))'),
    ('++$i',
     'pipe((++ $i))'),
    ('$i--',
     'pipe(($i --))'),
    (',1',
     'pipe([1])'),
    ("$x = [int]'30'",
     "$x = pipe([int]'30')"),
    ("[datetime]'2024-12-31'",
     "pipe([datetime]'2024-12-31')"),
    ("[System.IO.File]::ReadAllBytes('C:\\x.pfx')",
     "pipe([System.IO.File]::ReadAllBytes('C:\\x.pfx'))"),
    ('[byte[]]$b = 1, 2',
     '[byte[]]$b = pipe([1, 2])'),
    ('$x = [System.Collections.Generic.List[string]]::new()',
     '$x = pipe([System.Collections.Generic.List[string]]::new())'),
    ('$x = [ordered]@{ a = 1; b = 2 }',
     '$x = pipe(ordered@{a=pipe(1); b=pipe(2)})'),
    ("$h = @{ Name = 'x'; 'b' = 2; 3 = 4 }",
     "$h = pipe(@{Name=pipe('x'); 'b'=pipe(2); 3=pipe(4)})"),
    ('$h = @{\n  a = 1\n  b = Get-Date\n}',
     '$h = pipe(@{a=pipe(1); b=pipe(cmd(Get-Date))})'),
    ('$x = @()',
     '$x = pipe(@())'),
    ('$x = @(Get-ExchangeCertificate)',
     '$x = pipe(@(pipe(cmd(Get-ExchangeCertificate))))'),
    ('$x = $(1; 2)',
     '$x = pipe($(pipe(1); pipe(2)))'),
    ('$x = { param($a) $a + 1 }',
     "$x = pipe(ScriptBlockExpr(statements=(pipe(($a + 1))), param_block=ParamBlock(parameters=(ParameterDecl(name='a', type_name=None, default=None, attributes=())), attributes=()), blocks=()))"),
    ('$x = $global:y + $env:PATH + ${odd name} + $script:z',
     '$x = pipe(((($global:y + $env:PATH) + $odd name) + $script:z))'),
    ('$? ; $$ ; $^ ; $_ ; $true ; $false ; $null',
     'pipe($?); pipe($$); pipe($^); pipe($_); pipe($true); pipe($false); pipe($null)'),
    ('$x = 0xFFFFFFFF',
     '$x = pipe(-1)'),
    ('$x = 1.5gb',
     '$x = pipe(1610612736.0)'),
    ('$x = 10L + 2d + 1e3 + .5',
     "$x = pipe((((10 + Decimal('2')) + 1000.0) + 0.5))"),
    ('"a $x b ${y} c $env:P $(1 + 2) `$lit `t"',
     'pipe(double`a {$x} b {$y} c {$env:P} {$(pipe((1 + 2)))} $lit \t`)'),
    ('"He said ""hi"""',
     'pipe("He said "hi"")'),
    ("'It''s'",
     "pipe('It's')"),
    ('‘curly’ + “double”',
     'pipe((\'curly\' + "double"))'),
    ('"a `n b"',
     'pipe("a \n b")'),
    ('@"\nline $x\n"quoted"\n"@',
     'pipe(here-double`line {$x}\n"quoted"`)'),
    ("@'\nliteral $x\n'@",
     "pipe(@'literal $x'@)"),
    ("$obj.'odd name'",
     "pipe($obj.'odd name')"),
    ('$obj.$prop',
     'pipe($obj.$prop)'),
    ('$x.Foo().Bar',
     'pipe($x.Foo().Bar)'),
    ('(Get-Date).AddDays(30)',
     'pipe((pipe(cmd(Get-Date))).AddDays(30))'),
    ('Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) } | ForEach-Object { $_.Thumbprint }',
     'pipe(cmd(Get-ExchangeCertificate), cmd(Where-Object, {pipe(($_.NotAfter lt (pipe(cmd(Get-Date))).AddDays(30)))}), cmd(ForEach-Object, {pipe($_.Thumbprint)}))'),
    ('Get-ExchangeCertificate | ? {$_.Services -match "IIS"} | % Thumbprint',
     'pipe(cmd(Get-ExchangeCertificate), cmd(?, {pipe(($_.Services match "IIS"))}), cmd(%, Thumbprint))'),
    ('Get-Foo `\n  -Name x',
     'pipe(cmd(Get-Foo, -Name, x))'),
    ('Get-Foo |\n  fl',
     'pipe(cmd(Get-Foo), cmd(fl))'),
    ('$x = 1 +\n  2',
     '$x = pipe((1 + 2))'),
    ('Get-Foo ` \nGet-Bar',
     'pipe(cmd(Get-Foo)); pipe(cmd(Get-Bar))'),
    ('$x = @(1,\n  2)',
     '$x = pipe(@(pipe([1, 2])))'),
    ('Get-Foo <# inline #> -Name x',
     'pipe(cmd(Get-Foo, -Name, x))'),
    ('Write-Output if else foreach',
     'pipe(cmd(Write-Output, if, else, foreach))'),
    ('$x = $y = 3',
     '$x = $y = pipe(3)'),
    ('if ($x) { 1 } elseif ($y) { 2 } else { 3 }',
     'IfStatement(clauses=((pipe($x), {pipe(1)}), (pipe($y), {pipe(2)})), else_block={pipe(3)})'),
    ('foreach ($c in Get-ExchangeCertificate) { $c.Thumbprint }',
     'ForEachStatement(variable=$c, iterable=pipe(cmd(Get-ExchangeCertificate)), body={pipe($c.Thumbprint)}, label=None)'),
    (':outer while ($true) { break outer }',
     "WhileStatement(condition=pipe($true), body={BreakStatement(label='outer')}, label='outer')"),
    ('do { $i++ } until ($i -gt 3)',
     'DoWhileStatement(body={pipe(($i ++))}, condition=pipe(($i gt 3)), until=True, label=None)'),
    ("switch -wildcard -casesensitive ($x) { 'a*' { 1 } default { 2 } }",
     "SwitchStatement(value=pipe($x), clauses=(SwitchClause(condition='a*', body={pipe(1)}), SwitchClause(condition=None, body={pipe(2)})), options=('wildcard', 'casesensitive'), label=None)"),
    ('try { a } catch [System.IO.IOException], [System.Exception] { b } catch { c } finally { d }',
     "TryStatement(body={pipe(cmd(a))}, catches=(CatchClause(type_names=('System.IO.IOException', 'System.Exception'), body={pipe(cmd(b))}), CatchClause(type_names=(), body={pipe(cmd(c))})), finally_block={pipe(cmd(d))})"),
    ("function Renew-Cert { [CmdletBinding()] param([Parameter(Mandatory = $true)][string]$Thumbprint, [int]$Days = 30, [ValidateSet('IIS', 'SMTP')]$Service) process { $_ } }",
     "FunctionDefinition(name='Renew-Cert', body=ScriptBlockExpr(statements=(), param_block=ParamBlock(parameters=(ParameterDecl(name='Thumbprint', type_name='string', default=None, attributes=(Attribute(name='Parameter', positional=(), named=(('Mandatory', $true))))), ParameterDecl(name='Days', type_name='int', default=30, attributes=()), ParameterDecl(name='Service', type_name=None, default=None, attributes=(Attribute(name='ValidateSet', positional=('IIS', 'SMTP'), named=())))), attributes=(Attribute(name='CmdletBinding', positional=(), named=()))), blocks=(NamedBlock(name='process', statements=(pipe($_))))), is_filter=False)"),
    ('throw "bad $x"',
     'ThrowStatement(value=pipe(double`bad {$x}`))'),
    ('exit 1',
     'ExitStatement(value=pipe(1))'),
    ('trap { continue }',
     'TrapStatement(type_name=None, body={ContinueStatement(label=None)})'),
    ('class Foo { [int]$x }',
     "UnsupportedStatement(feature='class')"),
]


@pytest.mark.parametrize("text, expected", SHAPES)
def test_shape(text, expected):
    assert shape(parse(text)) == expected


def only(text):
    """The single element of the single pipeline of ``text``."""
    (stmt,) = parse(text).statements
    assert isinstance(stmt, A.Pipeline)
    (el,) = stmt.elements
    return el


def args(text):
    return only(text).elements


def expr(text):
    el = only(text)
    assert isinstance(el, A.CommandExpression)
    return el.expression


@pytest.mark.parametrize("text, value, kind", [
    ("'abc'", "abc", "single"),
    ("'It''s'", "It's", "single"),
    ("\u2018a\u2019", "a", "single"),
    ("'a\u2019'b'", "a'b", "single"),          # doubling works across the family
    ("\u2018a\u2019\u2019b'", "a\u2019b", "single"),  # ...and yields the second quote
    ('"a"', "a", "double"),
    ('\u201ca\u201d', "a", "double"),
    ('"a\u201d"b"', 'a"b', "double"),
    ('"`$x `"q`" `0`a`b`f`n`r`t`v `z"', '$x "q" \0\a\b\f\n\r\t\v z', "double"),
    ('"cost $ 5"', "cost $ 5", "double"),
    ("@'\nline1\nline2\n'@", "line1\nline2", "here-single"),
    ("@'\n'@", "", "here-single"),
    ('@"\n"quoted" $ `t\n"@', '"quoted" $ \t', "here-double"),
    ('@\u201c\nx\n\u201d@', "x", "here-double"),
    ("@'\r\nwin\r\n'@", "win", "here-single"),
])
def test_string_values(text, value, kind):
    node = expr(text)
    assert isinstance(node, A.StringConstant)
    assert (node.value, node.kind) == (value, kind)


@pytest.mark.parametrize("text, value", [
    ("42", 42), ("0x1F", 31), ("0xFFFFFFFF", -1), ("0x100000000", 0x100000000),
    ("1kb", 1024), ("1KB", 1024), ("2Mb", 2 << 20), ("1gb", 1 << 30), ("1tb", 1 << 40),
    ("1pb", 1 << 50), ("1.5", 1.5), (".5", 0.5), ("1e3", 1000.0), ("10l", 10),
    ("1.5d", Decimal("1.5")), ("2d", Decimal(2)), ("1lkb", 1024),
    ("9223372036854775808", Decimal("9223372036854775808")),
])
def test_numbers(text, value):
    node = expr(text)
    assert isinstance(node, A.NumberConstant)
    assert node.value == value and type(node.value) is type(value)
    assert node.text == text


@pytest.mark.parametrize("text, name, scope", [
    ("$x", "x", None), ("$global:X", "X", "global"), ("$Script:x", "x", "script"),
    ("$env:PATH", "PATH", "env"), ("${odd name}", "odd name", None), ("${a`}b}", "a}b", None),
    ("$_", "_", None), ("$?", "?", None), ("$$", "$", None), ("$^", "^", None),
    ("$true", "true", None), ("$null", "null", None), ("${global:y}", "y", "global"),
])
def test_variables(text, name, scope):
    node = expr(text)
    assert isinstance(node, A.VariableExpr)
    assert (node.name, node.scope, node.splat) == (name, scope, False)


def test_parameter_tokens():
    el = args("Enable-ExchangeCertificate \u2013Services:IIS,SMTP -Force -Confirm:$false")
    p1, p2, p3 = el
    assert (p1.name, p1.text, p1.colon) == ("Services", "\u2013Services:", True)
    assert isinstance(p1.argument, A.ArrayLiteral) and len(p1.argument.items) == 2
    assert (p2.name, p2.colon, p2.argument) == ("Force", False, None)
    assert isinstance(p3.argument, A.VariableExpr) and p3.argument.name == "false"


def test_double_dash_ends_parameters():
    el = args("Get-Foo -A -- -B")
    assert isinstance(el[0], A.CommandParameter)
    assert isinstance(el[1], A.StringConstant) and el[1].value == "-B" and el[1].kind == "bare"


def test_lone_dash_is_an_argument():
    (a,) = args("Write-Output -")
    assert isinstance(a, A.StringConstant) and a.value == "-"


def test_splat_and_invocation():
    call = only("& $sb @params")
    assert call.invocation == "&" and isinstance(call.name, A.VariableExpr)
    assert call.elements[0].splat is True
    call = only(". .\\x.ps1")
    assert (call.invocation, call.name) == (".", ".\\x.ps1")


def test_command_name_span_and_spans_are_one_based():
    script = parse("\n  Get-ExchangeCertificate -Domain | fl")
    pipe = script.statements[0]
    call = pipe.elements[0]
    assert (call.name_span.line, call.name_span.column) == (2, 3)
    assert call.name_span.end - call.name_span.start == len("Get-ExchangeCertificate")
    param = call.elements[0]
    assert (param.span.line, param.span.column) == (2, 27)
    assert (pipe.elements[1].span.line, pipe.elements[1].span.column) == (2, 37)


def test_script_block_text_is_kept():
    (sb,) = args("Where-Object { $_.NotAfter -lt $d }")
    assert isinstance(sb, A.ScriptBlockExpr)
    assert sb.text == " $_.NotAfter -lt $d "


def test_bare_word_with_backtick_escapes():
    (a,) = args("Write-Output a`,b`n")
    assert a.value == "a,b\n"


def test_expandable_bare_word_and_string_parts():
    (a,) = args("Write-Output a$($x.Name)b")
    assert isinstance(a, A.ExpandableString) and a.kind == "bare"
    assert a.parts[0] == "a" and isinstance(a.parts[1], A.SubExpr) and a.parts[2] == "b"
    node = expr('"$x.Prop [0]"')  # only the plain variable expands
    assert isinstance(node.parts[0], A.VariableExpr) and node.parts[1] == ".Prop [0]"


def test_keywords_are_case_insensitive():
    (st,) = parse("IF ($x) { 1 } ELSE { 2 }").statements
    assert isinstance(st, A.IfStatement) and st.else_block is not None
    (st,) = parse("ForEach ($a IN $b) { }").statements
    assert isinstance(st, A.ForEachStatement)


def test_keywords_in_argument_position_are_words():
    el = args("Write-Output if foreach function")
    assert [e.value for e in el] == ["if", "foreach", "function"]


def test_foreach_object_is_a_command_not_the_keyword():
    call = only("foreach-object { $_ }")
    assert call.name == "foreach-object"


def test_param_block_of_a_script():
    script = parse("[CmdletBinding()]\nparam([Parameter(Mandatory=$true)][string]$Name, $Days = 30)\n$Name")
    pb = script.param_block
    assert pb is not None and [a.name for a in pb.attributes] == ["CmdletBinding"]
    name, days = pb.parameters
    assert (name.name, name.type_name) == ("Name", "string")
    assert name.attributes[0].name == "Parameter"
    assert name.attributes[0].named[0][0] == "Mandatory"
    assert isinstance(days.default, A.NumberConstant)
    assert len(script.statements) == 1


def test_function_forms():
    (f,) = parse("function f($a, [int]$b = 2) { $a }").statements
    assert [p.name for p in f.body.param_block.parameters] == ["a", "b"]
    (f,) = parse("filter Only-IIS { if ($_.Services -match 'IIS') { $_ } }").statements
    assert f.is_filter and f.name == "Only-IIS"
    (f,) = parse("function g { begin { } process { $_ } end { } }").statements
    assert [b.name for b in f.body.blocks] == ["begin", "process", "end"]


def test_for_parts_may_be_missing():
    (st,) = parse("for (;;) { break }").statements
    assert (st.init, st.condition, st.iterator) == (None, None, None)
    (st,) = parse("for ($i = 0; $i -lt 3; $i++) { }").statements
    assert isinstance(st.init, A.Assignment) and st.iterator is not None


@pytest.mark.parametrize("text, feature", [
    ("class Foo { [int]$x; Foo() { if ($true) { } } }", "class"),
    ("enum Color { Red; Green }", "enum"),
    ("using namespace System.Text", "using"),
    ("configuration Web { Node x { } }", "configuration"),
    ("workflow W { }", "workflow"),
    ("data { 'a' }", "data"),
])
def test_unsupported_statements(text, feature):
    (st,) = parse(text).statements
    assert isinstance(st, A.UnsupportedStatement)
    assert st.feature == feature and st.text == text


def test_comments_and_requires_are_ignored():
    script = parse("#requires -Version 2\n<#\n.SYNOPSIS\n  help\n#>\nGet-Foo # trailing\n")
    assert shape(script) == "pipe(cmd(Get-Foo))"


def test_backtick_space_newline_is_not_a_continuation():
    assert len(parse("Get-Foo ` \n-Name x").statements) == 2
    assert len(parse("Get-Foo `\n-Name x").statements) == 1


def test_script_keeps_source_and_file():
    script = parse("fl", file="x.ps1")
    assert script.source == "fl" and script.file == "x.ps1"


def test_crlf_line_endings():
    script = parse("Get-Foo |\r\n  fl\r\n$x = 1\r\n")
    assert len(script.statements) == 2
    assert script.statements[1].span.line == 3


def test_build_grammar_is_idempotent_and_parse_still_works():
    from exshell import lang
    lang.build_grammar()
    lang.build_grammar()
    assert shape(lang.parse("Get-ExchangeCertificate -Domain | fl")) == \
        "pipe(cmd(Get-ExchangeCertificate, -Domain), cmd(fl))"


def test_grammar_module_does_not_import_pyparsing_at_import_time():
    import subprocess
    import sys
    code = ("import sys, exshell.lang.grammar, exshell.lang.parser; "
            "print('pyparsing' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=__file__.rsplit("/tests/", 1)[0])
    assert out.stdout.strip() == "False", out.stderr


def test_dynamicparam_is_recognised_but_unsupported():
    (f,) = parse("function f { dynamicparam { $x } process { $_ } }").statements
    dyn, proc = f.body.blocks
    assert dyn.name == "dynamicparam"
    (st,) = dyn.statements
    assert isinstance(st, A.UnsupportedStatement) and st.feature == "dynamicparam"
    assert st.text == "dynamicparam { $x }"
    assert proc.name == "process"
