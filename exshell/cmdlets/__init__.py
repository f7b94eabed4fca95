"""The built-in commands, one module per noun family.

Importing a family module registers its cmdlets (``Cmdlet.__init_subclass__``) in the
engine's command table, with their aliases.  The certificate cmdlets and the
formatters are imported with this package; the other families are imported the
first time one of their names is looked up, so start-up pays only for what the
first command uses.  :data:`LAZY_FAMILIES` says which names each lazy family
defines; ``tests/cmdlets/test_registry.py`` checks it against what the modules
really register, so it cannot drift.  A new cmdlet touches its family module (and
this index, if the family is lazy), its help text and one test.  Providers
(:mod:`exshell.engine.providers`) and static members of .NET types
(:mod:`exshell.engine.statics`) are declared the same way.
"""
from ..engine.cmdlet import REGISTRY
from ..engine.providers import PROVIDERS
from ..engine.statics import STATICS
from . import exchange_certificate, formatting  # noqa: F401

#: module -> the command names and aliases it registers.
LAZY_FAMILIES = {
    "objects": (
        "%", "?", "foreach", "ForEach-Object", "Get-Member", "Get-Unique", "gm", "group",
        "Group-Object", "gu",
        "measure", "Measure-Object", "select", "Select-Object", "sort", "Sort-Object", "tee",
        "Tee-Object", "where", "Where-Object"),
    "utility": (
        "clear", "Clear-Host", "Clear-Variable", "cls", "clv", "ConvertTo-SecureString", "echo",
        "gal", "gcm", "Get-Alias", "Get-Command", "Get-Credential", "Get-Date", "Get-Variable",
        "gv", "icm", "iex", "Invoke-Command", "Invoke-Expression", "New-TimeSpan", "New-Variable",
        "nv", "Read-Host", "Remove-Variable", "rv", "set", "Set-Date", "Set-Variable", "sleep",
        "Start-Sleep", "sv", "write", "Write-Debug", "Write-Error", "Write-Host", "Write-Output",
        "Write-Verbose", "Write-Warning", "Write-Progress", "New-Object", "Set-Alias", "sal", "New-Alias", "nal",
        "Get-Culture", "Get-UICulture", "Get-Verb"),
    "data": (
        "ConvertFrom-Csv", "ConvertFrom-Json", "ConvertFrom-StringData", "ConvertTo-Csv",
        "ConvertTo-Json", "epcsv",
        "Export-Csv", "Import-Csv", "ipcsv"),
    "filesystem": (
        "ac", "Add-Content", "cat", "copy", "Copy-Item", "cp", "cpi", "gc", "Get-Content", "md",
        "mkdir", "New-Item", "ni", "Out-File", "sc", "Set-Content", "type", "Join-Path",
        "Split-Path"),
    "navigation": (
        "cd", "chdir", "del", "dir", "erase", "gci", "gdr", "Get-ChildItem", "Get-Item",
        "Get-Location", "Get-PSDrive", "gi", "gl", "ls", "pwd", "rd", "Remove-Item", "ri", "rm",
        "rmdir", "Set-Location", "sl", "Test-Path"),
    "pki": ("certreq", "certreq.exe", "Export-LabCARoot", "Request-LabPublicCertificate"),
    "pkimodule": ("Import-PfxCertificate", "Export-PfxCertificate", "Import-Certificate",
                  "Export-Certificate", "New-SelfSignedCertificate", "Test-Certificate",
                  "Get-PfxCertificate"),
    "certutil": ("certutil", "certutil.exe"),
    "exchange_config": (
        "Get-AcceptedDomain", "Get-AuthConfig", "Get-ExchangeServer", "Get-ImapSettings", "Get-PopSettings",
        "Get-ReceiveConnector", "Get-SendConnector", "Get-TransportServer",
        "Get-TransportService", "New-SendConnector", "Set-AuthConfig", "Set-ImapSettings",
        "Set-PopSettings", "Set-ReceiveConnector", "Set-SendConnector"),
    "connectivity": (
        "curl", "Invoke-WebRequest", "iwr", "Test-ImapConnectivity", "Test-PopConnectivity",
        "Test-SmtpConnectivity", "wget", "Test-OwaConnectivity", "Test-WebServicesConnectivity"),
    "help": ("Get-Help", "help", "man"),
    "members": ("Add-Member",),
    "language": ("Set-StrictMode",),
    "history": ("Add-History", "Clear-History", "clhy", "Get-History", "ghy", "h", "history",
                "ihy", "Invoke-History", "r"),
    "transcript": ("Start-Transcript", "Stop-Transcript"),
    "psreadline": ("Get-PSReadLineKeyHandler", "Get-PSReadLineOption", "Set-PSReadLineOption"),
    "modules": ("Add-PSSnapin", "Add-Type", "Get-Module", "Get-PSSnapin", "gmo", "Import-Module",
                "ipmo", "Remove-Module", "Remove-PSSnapin", "rmo"),
    "services": ("Get-Service", "gsv", "iisreset", "iisreset.exe", "Restart-Service",
                 "sasv", "spsv", "Start-Service", "Stop-Service"),
    "clixml": ("ConvertTo-Xml", "Export-Clixml", "Import-Clixml"),
    "ems": ("Get-ExBlog", "Get-ExCommand", "QuickRef"),
    "html": ("ConvertTo-Html",),
    "mail": ("Send-MailMessage",),
    "timing": ("Measure-Command",),
    "federation": ("Add-FederatedDomain", "Get-FederatedDomainProof",
                   "Get-FederatedOrganizationIdentifier", "Get-FederationTrust", "Remove-FederatedDomain",
                   "New-FederationTrust", "Remove-FederationTrust",
                   "Set-FederatedOrganizationIdentifier", "Set-FederationTrust",
                   "Test-FederationTrust", "Test-FederationTrustCertificate"),
}

for _module, _names in LAZY_FAMILIES.items():
    REGISTRY.add_lazy(__name__ + "." + _module, _names)

#: module -> the providers it registers (exshell.engine.providers).
LAZY_PROVIDERS = {"filesystem": ("FileSystem",), "certprovider": ("Certificate",)}
#: module -> the .NET types whose static members it handles (exshell.engine.statics).
LAZY_STATICS = {"filesystem": ("System.IO.File", "System.Text.Encoding")}

for _module, _names in LAZY_PROVIDERS.items():
    PROVIDERS.add_lazy(__name__ + "." + _module, _names)
for _module, _names in LAZY_STATICS.items():
    STATICS.add_lazy(__name__ + "." + _module, _names)

from ..engine import nettypes as _nettypes  # noqa: E402

#: module -> the .NET types it registers (exshell.engine.nettypes), imported on first use.
LAZY_TYPES = {"x509types": (
    "System.Security.Cryptography.X509Certificates.X509Certificate2",
    "System.Security.Cryptography.X509Certificates.X509Certificate",
    "System.Security.Cryptography.X509Certificates.X509Certificate2Collection",
    "System.Security.Cryptography.X509Certificates.X509Store",
    "System.Security.Cryptography.X509Certificates.X509Chain",
    "System.Security.Cryptography.X509Certificates.X509ChainPolicy",
    "System.Security.Cryptography.X509Certificates.X509KeyStorageFlags",
    "System.Security.Cryptography.X509Certificates.X509ContentType",
    "System.Security.Cryptography.X509Certificates.X509NameType",
    "System.Security.Cryptography.X509Certificates.X509FindType",
    "System.Security.Cryptography.X509Certificates.OpenFlags",
    "System.Security.Cryptography.X509Certificates.StoreName",
    "System.Security.Cryptography.X509Certificates.StoreLocation",
    "System.Security.Cryptography.X509Certificates.X509RevocationMode",
    "System.Security.Cryptography.X509Certificates.X509RevocationFlag",
    "System.Security.Cryptography.X509Certificates.X509VerificationFlags",
    "System.Security.Cryptography.X509Certificates.X509ChainStatusFlags")}
#: Get-Member's method tables answer ``$x.psobject.Methods``.
_nettypes.lazy_method_lister(__name__ + ".objects")
for _module, _names in LAZY_TYPES.items():
    _nettypes.add_lazy(__name__ + "." + _module, _names)
    STATICS.add_lazy(__name__ + "." + _module, _names[:1] + _names[2:5])
#: [System.Net.WebRequest]::Create() and the objects it makes (issue 12 item 7).
_WEB_TYPES = ("System.Net.WebRequest", "System.Net.HttpWebRequest", "System.Net.HttpWebResponse",
              "System.Net.ServicePoint")
_nettypes.add_lazy(__name__ + ".webrequest", _WEB_TYPES)
_nettypes.add_lazy(__name__ + ".types", ("System.Management.Automation.PSCredential",))
_nettypes.add_lazy(__name__ + ".timing", ("System.Diagnostics.Stopwatch",))
STATICS.add_lazy(__name__ + ".timing", ("System.Diagnostics.Stopwatch",))
STATICS.add_lazy(__name__ + ".webrequest", _WEB_TYPES[:1])
