"""Windows PowerShell 5.1 syntax that Exchange admin scripts rely on (issue 11: every
valid real-world script must pass `exshell -CheckSyntax`), one row per construct; and
PowerShell 7's own syntax, which 5.1 rejects, rejected with 5.1's error."""
import pytest

from exshell.lang import ast as A
from exshell.lang import IncompleteInput, ParseError, parse

from .shape import shape

# -- constructs found rejected while trying real Exchange scripts, with their trees ----

FIXED = [
    # a line break before the comma between parameters, attribute arguments and
    # method arguments (the language allows new-lines there)
    ("param(\n  $x # the first\n  , $y\n)", lambda s: [p.name for p in s.param_block.parameters] == ["x", "y"]),
    ("function f($a\n  , $b) { }", lambda s: [p.name for p in s.statements[0].body.param_block.parameters]
     == ["a", "b"]),
    ("[Parameter(Mandatory=$true\n  , Position=0)]\nparam($x)",
     lambda s: [n for n, _ in s.param_block.attributes[0].named] == ["Mandatory", "Position"]),
    ("$x.Method($a\n  , $b)", lambda s: shape(s) == "pipe($x.Method($a, $b))"),
    ("[string]::Format('{0}{1}', $a\n    , $b)",
     lambda s: shape(s) == "pipe([string]::Format('{0}{1}', $a, $b))"),
    # attributes before an enum, a class or a DSC configuration
    ("[Flags()] enum Perm { Read = 1; Write = 2 }",
     lambda s: isinstance(s.statements[0], A.UnsupportedStatement) and s.statements[0].feature == "enum"
     and s.statements[0].text.startswith("[Flags()]")),
    ("[Flags()]\nenum Perm { Read = 1 }\n'after'",
     lambda s: s.statements[0].feature == "enum" and shape(s.statements[1]) == "pipe('after')"),
    ("[DscResource()]\nclass Res {\n  [DscProperty(Key)] [string] $Name\n  [void] Set() { }\n}",
     lambda s: s.statements[0].feature == "class"),
    ("[DscLocalConfigurationManager()]\nConfiguration Meta { Node localhost { Settings { RefreshMode = 'Push' } } }",
     lambda s: s.statements[0].feature == "configuration"),
    # an empty here-string
    ('$x = @"\n"@', lambda s: shape(s) == '$x = pipe(@""@)'),
    ('$x = @"\n"@ + "y"', lambda s: shape(s) == '$x = pipe((@""@ + "y"))'),
    ("$x = @'\n'@", lambda s: shape(s) == "$x = pipe(@''@)"),
]


@pytest.mark.parametrize("text, check", FIXED, ids=[t[:40] for t, _ in FIXED])
def test_fixed_constructs_parse_to_their_meaning(text, check):
    assert check(parse(text))


def test_an_empty_here_string_is_the_empty_string():
    value = parse('@"\n"@').statements[0].elements[0].expression
    assert isinstance(value, A.StringConstant) and value.value == ""


# -- 5.1 syntax seen in Exchange admin scripts: each must parse ------------------------

ACCEPTED = [
    "$list = [System.Collections.ArrayList]::new()",
    "using namespace System.Collections.Generic\n$l = [List[string]]::new()",
    "#requires -Version 3.0\n#Requires -RunAsAdministrator\n#requires -PSSnapin Microsoft.Exchange.Management.PowerShell.E2010\nGet-Mailbox",
    '"{0} {1}" -f @(\'a\', \'b\')',
    "${env:ProgramFiles(x86)}",
    "class Foo {\n    [string]$Name\n    Foo([string]$n) { $this.Name = $n }\n    [string] ToString() { return \"Foo $($this.Name)\" }\n}\n[Foo]::new('x')",
    "enum Color { Red; Green = 5; Blue }",
    "$h = [ordered]@{ a = 1; b = 2 }",
    "function F { param([ValidateScript({ Test-Path $_ })][string]$Path) $Path }",
    "function G {\n  [CmdletBinding()]\n  param()\n  DynamicParam {\n    $d = New-Object System.Management.Automation.RuntimeDefinedParameterDictionary\n    return $d\n  }\n  begin { } process { $_ } end { }\n}",
    "workflow Test-WF { parallel { Get-Process } }",
    "Register-ArgumentCompleter -CommandName Get-Foo -ParameterName Name -ScriptBlock {\n    param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)\n    'a', 'b' | Where-Object { $_ -like \"$wordToComplete*\" }\n}",
    "Invoke-Command -ComputerName s1 -ScriptBlock { Get-Item $using:path }",
    "filter Get-Big { if ($_ -gt 5) { $_ } }",
    "&{ 'a' }\n.{ 'b' }\n& { 'c' } | Out-Null",
    '"`u{1F600}"',
    "if ($a -and `\n    $b) { 1 }",
    "Get-ChildItem <# inline #> -Path C:\\ # trailing",
    "if ($x) # comment\n{\n  1\n}\n# between\nelse\n{\n  2\n}",
    "foreach ($x in $y) <# c #> { $x }",
    '$s = @"\n"quoted" and \'single\'\n$($x.Name) `$notvar\n"@',
    "$s = @'\nit's \"fine\"\n'@",
    "try { 1 } catch [System.Net.WebException], [System.IO.IOException] { 2 } finally { 3 }",
    "switch -Wildcard -File C:\\x.txt { 'a*' { $_ } }",
    "$a, $b, $c = \"x y z\".Split(' ')",
    "[void][System.Reflection.Assembly]::LoadWithPartialName(\"System.Web\")",
    "Get-Mailbox -ResultSize Unlimited | Select-Object Name, @{Name=\"Size\";Expression={$_.TotalItemSize.Value.ToMB()}}, @{n='x';e={1}}",
    ":outer foreach ($a in 1..3) { foreach ($b in 1..3) { break outer } }",
    "for (;;) { break }",
    "$x = if ($a) { 1 } else { 2 }",
    "return ,$arr",
    "$hash = @{\n    'key with space' = 1\n    \"dq\" = 2\n    3 = 'num'\n    key-dash = 4\n}",
    "$x.'property name'\n$x.\"dq prop\"",
    "$env:PATH += \";C:\\bin\"",
    "$x = 0x10 + 1kb + 1.5e3 + 10L + 1d",
    "[System.Environment]::GetEnvironmentVariable(\"PATH\", [System.EnvironmentVariableTarget]::Machine)",
    "$cred = New-Object System.Management.Automation.PSCredential (\"user\", (ConvertTo-SecureString \"p\" -AsPlainText -Force))",
    "$Session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://$server/PowerShell/ -Authentication Kerberos\nImport-PSSession $Session -DisableNameChecking -AllowClobber | Out-Null",
    "Get-Mailbox -Filter {RecipientTypeDetails -eq 'UserMailbox'}",
    "$mbx | Set-Mailbox -EmailAddresses @{add=\"smtp:a@b.com\"; remove=\"smtp:c@d.com\"}",
    "New-ExchangeCertificate -DomainName mail.contoso.com,autodiscover.contoso.com -PrivateKeyExportable $true",
    "throw [System.ArgumentException]::new(\"bad\")",
    "Write-Host (\"{0,-20}{1,10}\" -f \"Name\", \"Size\")",
    "\"$($x.y) and $($z[0].w) and ${y}s and $env:COMPUTERNAME and $($global:q)\"",
    "$x = \"a\" + `\n  \"b\"",
    "Get-Item `\n  -Path C:\\ `\n  -Force",
    "[CmdletBinding()]\nParam(\n    [Parameter(Position=0,Mandatory=$True,ValueFromPipeline=$True)]\n    [ValidateNotNullOrEmpty()]\n    [String[]] $Identity,\n    [ValidateRange(1,100)][int]$Count = 10,\n    [Switch] $Force\n)",
    "$r = $a.Where({ $_ -gt 1 }, 'First')\n$s = $a.ForEach({ $_ * 2 })",
    "Start-Process powershell.exe -ArgumentList \"-NoProfile -File `\"$path`\"\" -Wait",
    "& \"C:\\Program Files\\x.exe\" /arg1 /arg2:value",
    "robocopy $src $dst /MIR /R:1 /W:1 /LOG+:\"$log\"",
    "icacls.exe \"C:\\x\" /grant \"Users:(OI)(CI)F\"",
    "$mb = Get-Mailbox $id; $mb.EmailAddresses | ?{$_.PrefixString -eq \"SMTP\"} | %{$_.SmtpAddress}",
    "Export-Csv -Path \".\\report_$(Get-Date -f yyyyMMdd).csv\" -NoTypeInformation -Encoding UTF8",
    "${function:Get-Foo} = { 'x' }",
    "function script:Helper([string]$a, [int]$b = 1) { }",
    "Configuration Web {\n    Import-DscResource -ModuleName PSDesiredStateConfiguration\n    Node localhost {\n        WindowsFeature IIS { Ensure = 'Present'; Name = 'Web-Server' }\n    }\n}\nWeb -OutputPath C:\\dsc",
    "$d = data { ConvertFrom-StringData @'\na = b\n'@ }",
    "$x = [System.Collections.Generic.Dictionary[string,int]]::new()",
    "function R { param([Parameter(Mandatory)][ref]$Result) $Result.Value = 1 }\nR -Result ([ref]$x)",
    "icacls --% C:\\x /grant Everyone:(F)",
    "switch ($x) { {$_ -gt 5} { 'big' } {$_ -is [string]} { 's' } }",
    "Get-Foo *>&1; Get-Foo 3>&1 2> $null >$null; Get-Foo 2>>err.txt",
    "Get-Mailbox \u2013Identity x \u2013ResultSize Unlimited",
    "<#\n.SYNOPSIS\nx\n#>\n[CmdletBinding()]\nparam()\nprocess { $_ }",
    "[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12 -bor [Net.SecurityProtocolType]::Tls11",
    "$choice = $host.UI.PromptForChoice(\"t\", \"m\", @(\"&Yes\", \"&No\"), 0)",
    "$x = @\"\nline with \"@ inside\n\"@",
    "$z = @\"\n  indented \"@ end\n\"@",
    # subexpressions with quotes inside double-quoted strings
    "\"Count: $(($list | ? { $_.Name -eq \"x\" } | measure).Count)\"",
    "\"$($h[\"key\"])\"",
    "Write-Host \"Server: $($s.Name) - $(if ($s.IsHub) { \"Hub\" } else { \"Other\" })\"",
    "$t = @\"\nName: $($x.Name) \"$($y[\"a\"])\"\n\"@",
    "$x = \"Nested: $(\"inner $(\"deep\")\")\"",
    # comments and line breaks in odd places
    "$a = @( # comment\n  1\n  2 # c\n)",
    "$h = @{ Name = 'x' # comment\n  Other = 2 }",
    "Get-X |\n    Where-Object {\n        $_.A -and\n        $_.B\n    } |\n    ForEach-Object {\n        $_\n    }",
    "function f {\n    param(\n        [Parameter(Mandatory = $true,\n                   ValueFromPipeline = $true,\n                   HelpMessage = \"x\")]\n        [string[]]\n        $Name\n    )\n}",
    "$x.Method(\n    $a,\n    $b\n)",
    "Select-Object -Property @{\n    Name = 'x'\n    Expression = { $_.y }\n}, Other",
    "if ($x) {\n}\nelseif ($y) {\n}\n# comment between\nelse {\n}",
    "do\n{\n  $i++\n}\nwhile ($i -lt 5)",
    "do {\n  $i++\n} until (\n  $i -gt 5\n)",
    "for ($i = 0;\n     $i -lt 10;\n     $i++) { }",
    "function f\n{\n  param\n  (\n    $a\n  )\n}",
    "try\n{\n}\ncatch\n{\n}\nfinally\n{\n}",
    "switch ($x)\n{\n  1\n  {\n    'one'\n  }\n  default\n  {\n    'other'\n  }\n}",
    "Get-Foo -ScriptBlock {\n  param($x)\n  $x\n} -ArgumentList 1",
    "# comment with \"quotes\" and 'single' and $dollar and `backtick\nGet-Foo",
    "$x = \"email: $user@$domain.com\"",
    "Add-Content -Path $log -Value \"[$(Get-Date)] $msg\"",
    # PowerShell 7 syntax that means something else (and parses) in 5.1
    "?? {$a} {\"b\"}",
    "$a?.b",
    "clean { }",
    "1..3 | ForEach-Object -Parallel { $_ }",
]


@pytest.mark.parametrize("text", ACCEPTED, ids=[t[:40] for t in ACCEPTED])
def test_windows_powershell_syntax_parses(text):
    parse(text)


# -- PowerShell 7 only: the error 5.1 gives -------------------------------------------

PS7_ONLY = [
    ("$x = $a ?? 'default'", "UnexpectedToken", 1, 9, "Unexpected token '??' in expression or statement."),
    ("$x ??= 5", "UnexpectedToken", 1, 4, "Unexpected token '??=' in expression or statement."),
    ("$x = (Get-Mailbox).Count -gt 0 ? 'yes' : 'no'", "UnexpectedToken", 1, 32,
     "Unexpected token '?' in expression or statement."),
    ("Get-Foo && Get-Bar", "InvalidEndOfLine", 1, 9,
     "The token '&&' is not a valid statement separator in this version."),
    ("Get-Foo || Get-Bar", "InvalidEndOfLine", 1, 9,
     "The token '||' is not a valid statement separator in this version."),
    ("Test-Path $p ||\n  throw 'missing'", "InvalidEndOfLine", 1, 14,
     "The token '||' is not a valid statement separator in this version."),
]


@pytest.mark.parametrize("text, error_id, line, column, message", PS7_ONLY,
                         ids=[t[0][:40] for t in PS7_ONLY])
def test_powershell_7_syntax_fails_as_in_5_1(text, error_id, line, column, message):
    with pytest.raises(ParseError) as info:
        parse(text)
    assert not isinstance(info.value, IncompleteInput)
    first = info.value.first
    assert (first.error_id, first.span.line, first.span.column, first.message) == \
        (error_id, line, column, message)


# -- and still errors: scripts that 5.1 rejects too ------------------------------------

REJECTED = [
    ("$importresult s = Import-PSSession $s", "UnexpectedToken"),
    ("if ($a) { } else if ($b) { }", "MissingStatementBlockAfterElse"),
    ("[Flags()]", None),
]


@pytest.mark.parametrize("text, error_id", REJECTED, ids=[t[:40] for t, _ in REJECTED])
def test_invalid_scripts_stay_invalid(text, error_id):
    with pytest.raises(ParseError) as info:
        parse(text)
    if error_id is not None:
        assert info.value.first.error_id == error_id
