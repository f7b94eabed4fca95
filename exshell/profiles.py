"""The profile table: every fact that differs between the versions exshell emulates.

Two kinds of row, read by name and never by comparing version strings:

* :class:`Dialect` -- the Windows PowerShell a shell runs: 2.0 under Exchange
  2007/2010, 5.1 under 2013 and later.  Language rules (member enumeration,
  ``$null.Count``...), which common parameters exist, how errors and
  ``Get-Command`` look, the texts that changed wording.
* :class:`Profile` -- one Exchange version at one update level (``2019-CU14``):
  parameters the Exchange cmdlets have, certificate lifetimes and hashes, roles,
  how errors come back from the server... and the row's :attr:`Profile.dialect`.

The supported versions are listed once, here (:data:`SUPPORTED_VERSIONS`).  A
version has one row per update level we model (:data:`PROFILE_ROWS`); the bare
version (``"2019"``) means its latest row.  Adding a version or a cumulative update
is adding one row (see docs/architecture.md).

Parameters and cmdlets declare where they exist with a predicate on the profile
(``available=has_server_param``); the predicates at the end of this module name the
common ones.  :func:`versions_where` evaluates a predicate over the table (help,
tests).

Imports only the standard library, so every layer may import it.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Mapping, Optional, Tuple, Union

__all__ = ["Dialect", "Profile", "PS20", "PS51", "DIALECTS", "dialect", "PROFILE_ROWS",
           "PROFILES", "SUPPORTED_VERSIONS", "DEFAULT_VERSION", "get_profile", "is_profile_name", "versions_where",
           "MAILBOX", "CLIENT_ACCESS", "HUB_TRANSPORT", "EDGE_TRANSPORT", "UNIFIED_MESSAGING",
           "SMTP_QUESTION_CONSOLE", "SMTP_QUESTION_CONFIRM", "ERROR_MARKER_ARROW",
           "ERROR_MARKER_UNDERLINE", "has_server_param", "has_2010_parameters", "has_identity_param", "v3_cmdlets", "v5_cmdlets",
           "has_auth_config", "has_transport_service", "CONSOLE_CLASSIC", "CONSOLE_PSREADLINE",
           "CONSOLES", "MACHINE_STORES_2008R2", "MACHINE_STORES_2012R2", "MACHINE_STORES_2016",
           "USER_STORES", "has_pki_module", "has_full_selfsigned", "has_pfx_crypto_option",
           "cert_filter_parameters", "cert_provider_writes",
           "ROW_NAMES", "versions_help", "has_federation",
           "has_federation_dns_warning", "has_federated_default_domain",
           "has_owa_connectivity_test"]


class _Facts:
    """A row of facts: built with keywords (every annotated field without a default
    is required), read-only, and :meth:`replace` makes a row that differs in a few.
    (Plain classes, not dataclasses: this module is on the start-up path.)"""

    def __init__(self, **facts: Any) -> None:
        fields = self._fields()
        unknown = [k for k in facts if k not in fields]
        missing = [f for f in fields if f not in facts and not hasattr(type(self), f)]
        if unknown or missing:
            raise TypeError("%s: unknown %s, missing %s" % (type(self).__name__, unknown, missing))
        self.__dict__.update(facts)

    @classmethod
    def _fields(cls) -> Tuple[str, ...]:
        names: Dict[str, None] = {}
        for klass in reversed(cls.__mro__):
            names.update(dict.fromkeys(klass.__dict__.get("__annotations__", {})))
        return tuple(names)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("%s rows are read-only; use replace()" % type(self).__name__)

    def replace(self, **changes: Any) -> Any:
        """A copy with ``changes`` (a cumulative-update row from the version's row)."""
        facts = dict(self.__dict__)
        facts.update(changes)
        return type(self)(**facts)

    def __repr__(self) -> str:
        return "<%s %s>" % (type(self).__name__, getattr(self, "name", "?"))


# ============================================================================ dialects

#: Dialect.error_marker: 2.0's ``At line:1 char:5`` + ``+ text <<<< rest``, or 3.0+'s
#: source line with a ``~~~`` line under the extent.
ERROR_MARKER_ARROW = "arrow"
ERROR_MARKER_UNDERLINE = "underline"


class Dialect(_Facts):
    """What one Windows PowerShell version does differently.  Every field is a fact
    some code reads by name; ``name`` is for display and lookup only."""

    name: str                              # "2.0" | "5.1" (the $PSVersionTable major.minor)
    version_table: Tuple[Tuple[str, Any], ...]  # $PSVersionTable entries, in display order
    maximum_history_count: int             # $MaximumHistoryCount's default
    call_depth_limit: Optional[int]        # nested function/script calls allowed (2.0: 100);
                                           # None: only the stack bounds them (3.0+)
    requires_modules: bool                 # #Requires -Modules is checked, and a #Requires
                                           # -Version error has 3.0's wording (no line)

    # -- language ----------------------------------------------------------------------
    member_enumeration: bool               # $list.Name reads each element's Name, $list.M() calls each
    scalar_count: bool                     # $x.Count / $x.Length of a scalar is 1
    foreach_skips_null: bool               # foreach ($x in $null) runs no iteration
    psitem: bool                           # $PSItem is $_
    collection_methods: bool               # .Where{ } / .ForEach{ } on any value (4.0+)
    ignore_action: bool                    # -ErrorAction Ignore: the error is not even recorded
    type_new_method: bool                  # [T]::new(args) constructs (5.0)
    timespan_format_strings: bool          # TimeSpan takes format strings (.NET 4: '{0:hh\:mm}')
    net4_members: bool                     # members .NET 4 added exist (Stopwatch.Restart()...)
    strict_mode_latest: int                # the version Set-StrictMode -Version Latest means
    script_path_variables: bool            # $PSScriptRoot in scripts and $PSCommandPath (3.0)
    default_parameter_values: bool         # $PSDefaultParameterValues fills parameters (3.0)

    # -- commands and parameters ---------------------------------------------------------
    v3_cmdlets: bool                       # what 3.0 added: ConvertTo-Json, Invoke-WebRequest,
                                           # Get-Content -Raw, Write-Output -NoEnumerate, ...
    simplified_syntax: bool                # Where-Object Name -eq x, ForEach-Object -MemberName
    extra_common_parameters: bool          # -PipelineVariable, -InformationAction/-Variable
    foreach_supports_should_process: bool  # ForEach-Object has -WhatIf/-Confirm
    select_first_stops_upstream: bool      # Select-Object -First stops the commands before it
    v5_cmdlets: bool                       # what 5.0 added: Select-Object -SkipLast, ...
    core_snapins: Tuple[str, ...]          # the snap-ins Get-PSSnapin lists in every session
    modules: Tuple[Tuple[str, str, str], ...]  # (name, version, type) of the modules on the
                                           # server: Import-Module, Get-Module -ListAvailable
    loaded_modules: Tuple[str, ...]        # the modules a new session has loaded already

    # -- output --------------------------------------------------------------------------
    type_keywords: bool                    # syntax and Get-Member say int, string, bool...
    syntax_lists_common_parameters: bool   # syntax lines spell out every common parameter
    syntax_mandatory_first: bool           # syntax lines list mandatory named parameters first
    help_switch_type: bool                 # help shows "-Force <SwitchParameter>"
    module_command_view: bool              # Get-Command: Version/Source columns, type-first
                                           # order, "alias -> target", syntax as a block
    wide_file_mode: bool                   # dir: "d-----" (6) and Length 14 wide, not "d----"/10
    x509_script_properties: bool           # certificates get DnsNameList, EnhancedKeyUsageList
    cert_directory_header: bool            # Cert: tables open with "    Directory: <parent>" (2.0's
                                           # format file), not 5.1's "   PSParentPath: <parent>"
    cert_filter_parameters: bool           # Cert: dynamic parameters of Get-ChildItem that 3.0 added:
                                           # -DnsName, -Eku, -ExpiringInDays, -SSLServerAuthentication,
                                           # -DocumentEncryptionCert (2.0 has -CodeSigningCert only)
    cert_provider_writes: bool             # the Certificate provider removes items (Remove-Item,
                                           # -DeleteKey) and creates stores (3.0); 2.0's is read-only
    should_process_text: str               # the -WhatIf / Confirm line of a built-in cmdlet
    html_colgroup_one_line: bool           # ConvertTo-Html: <colgroup><col/>...</colgroup> on one
                                           # line (3.0+); 2.0 writes each tag on a line of its own
    html_encodes_apostrophe: bool          # ConvertTo-Html cells: ' becomes &#39; (.NET 4's encoder)

    # -- errors --------------------------------------------------------------------------
    error_marker: str                      # ERROR_MARKER_ARROW | ERROR_MARKER_UNDERLINE
    parse_message_first: bool              # a parse error's message comes before its position
    split_terminator_message: bool         # "The string starting:" <position> "is missing..."
    stop_message_prefix: bool              # -ErrorAction Stop prefixes "Command execution stopped..."
    not_found_names_command: bool          # "Foo : The term 'Foo' is not recognized..."
    messages: Mapping[str, str]            # texts whose wording changed

    def message(self, key: str) -> str:
        """One of the texts that differ by version (a KeyError is a bug here)."""
        return self.messages[key]


_COMMON_HELP_20 = ("This cmdlet supports the common parameters: Verbose, Debug,\n"
                   "ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"
                   "OutBuffer and OutVariable. For more information, type,\n"
                   "\"get-help about_commonparameters\".")
_COMMON_HELP_51 = ("This cmdlet supports the common parameters: Verbose, Debug,\n"
                   "ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"
                   "OutBuffer, PipelineVariable, and OutVariable. For more information, see\n"
                   "about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216).")

# Start-Transcript's file: header and footer, default name, encoding (messages below).
_STARS = "**********************"
_TRANSCRIPT_20 = {
    "TranscriptPrologue": (_STARS + "\nWindows PowerShell Transcript Start\nStart time: {start}\n"
                           "Username  : {domain}\\{user} \nMachine\t  : {machine} ({os}) \n" + _STARS),
    "TranscriptEpilogue": _STARS + "\nWindows PowerShell Transcript End\nEnd time: {end}\n" + _STARS,
    "TranscriptFileName": "PowerShell_transcript.{stamp}.txt",
    "TranscriptEncoding": "utf-16",
    "TranscriptNotRunning": ("An error occurred stopping transcription: The console host is not "
                             "currently transcribing."),
}
_TRANSCRIPT_51 = {
    "TranscriptPrologue": (_STARS + "\nWindows PowerShell transcript start\nStart time: {start}\n"
                           "Username: {domain}\\{user}\nRunAs User: {domain}\\{user}\n"
                           "Machine: {machine} ({os})\nHost Application: {host_application}\n"
                           "Process ID: {pid}\n{version_table}\n" + _STARS),
    "TranscriptEpilogue": _STARS + "\nWindows PowerShell transcript end\nEnd time: {end}\n" + _STARS,
    "TranscriptFileName": "PowerShell_transcript.{machine}.{random}.{stamp}.txt",
    "TranscriptEncoding": "utf-8-sig",
    "TranscriptNotRunning": ("An error occurred stopping transcription: The host is not "
                             "currently transcribing."),
    # Start-Transcript -IncludeInvocationHeader (5.0 and later): before each command.
    "TranscriptInvocationHeader": _STARS + "\nCommand start time: {start}\n" + _STARS,
    "TranscriptHostApplication": ("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe "
                                  "-noexit -command \". 'C:\\Program Files\\Microsoft\\Exchange Server"
                                  "\\V15\\bin\\RemoteExchange.ps1'; Connect-ExchangeServer -auto "
                                  "-ClientApplication:ManagementShell \""),
}
# Windows Server 2008 R2's PowerShell 2.0: seven snap-ins, and the modules of its roles
# and features (ActiveDirectory: RSAT-ADDS, an Exchange prerequisite).
_CORE_SNAPINS_20 = ("Microsoft.PowerShell.Diagnostics", "Microsoft.WSMan.Management",
                    "Microsoft.PowerShell.Core", "Microsoft.PowerShell.Utility",
                    "Microsoft.PowerShell.Host", "Microsoft.PowerShell.Management",
                    "Microsoft.PowerShell.Security")
_MODULES_20 = (("ActiveDirectory", "1.0.0.0", "Manifest"), ("AppLocker", "1.0.0.0", "Manifest"),
               ("BitsTransfer", "1.0.0.0", "Manifest"), ("PSDiagnostics", "1.0.0.0", "Script"),
               ("ServerManager", "1.0.0.0", "Manifest"),
               ("TroubleshootingPack", "1.0.0.0", "Manifest"),
               ("WebAdministration", "1.0.0.0", "Manifest"))
# Windows PowerShell 5.1 on Server 2016/2019: the core snap-in only; the built-in
# commands come from modules.
_MODULES_51 = (("ActiveDirectory", "1.0.1.0", "Manifest"), ("CimCmdlets", "1.0.0.0", "Binary"),
               ("Microsoft.PowerShell.Archive", "1.0.1.0", "Manifest"),
               ("Microsoft.PowerShell.Diagnostics", "3.0.0.0", "Manifest"),
               ("Microsoft.PowerShell.Host", "3.0.0.0", "Manifest"),
               ("Microsoft.PowerShell.Management", "3.1.0.0", "Manifest"),
               ("Microsoft.PowerShell.Security", "3.0.0.0", "Manifest"),
               ("Microsoft.PowerShell.Utility", "3.1.0.0", "Manifest"),
               ("Microsoft.WSMan.Management", "3.0.0.0", "Manifest"),
               ("PSReadline", "2.0.0", "Script"), ("ServerManager", "2.0.0.0", "Manifest"),
               ("WebAdministration", "1.0.0.0", "Manifest"))

PS20 = Dialect(
    name="2.0",
    version_table=(("CLRVersion", "2.0.50727.5485"), ("BuildVersion", "6.1.7601.17514"),
                   ("PSVersion", "2.0"), ("WSManStackVersion", "2.0"),
                   ("PSCompatibleVersions", ("1.0", "2.0")), ("SerializationVersion", "1.1.0.1"),
                   ("PSRemotingProtocolVersion", "2.1")),
    maximum_history_count=64, call_depth_limit=100, requires_modules=False,
    member_enumeration=False, scalar_count=False, foreach_skips_null=False, psitem=False,
    collection_methods=False, ignore_action=False, net4_members=False, type_new_method=False, timespan_format_strings=False,
    strict_mode_latest=2, script_path_variables=False, default_parameter_values=False, v5_cmdlets=False, core_snapins=_CORE_SNAPINS_20, modules=_MODULES_20,
    loaded_modules=(),
    v3_cmdlets=False, simplified_syntax=False, extra_common_parameters=False,
    foreach_supports_should_process=False, select_first_stops_upstream=False,
    type_keywords=False, syntax_lists_common_parameters=True, syntax_mandatory_first=True,
    help_switch_type=False, module_command_view=False, wide_file_mode=False,
    x509_script_properties=False, cert_directory_header=True, cert_filter_parameters=False,
    cert_provider_writes=False, html_colgroup_one_line=False, html_encodes_apostrophe=False,
    should_process_text='Performing operation "{action}" on Target "{target}".',
    error_marker=ERROR_MARKER_ARROW, parse_message_first=True, split_terminator_message=True,
    stop_message_prefix=True, not_found_names_command=False,
    messages={
        "TypeNotFound": "Unable to find type [%s]: make sure that the assembly containing this "
                        "type is loaded.",
        "MethodNotFound": "Method invocation failed because [%s] doesn't contain a method named "
                          "'%s'.",
        "NewObjectTypeNotFound": "Cannot find type [%s]: make sure the assembly containing this "
                                 "type is loaded.",
        "PropertyNotSettable": "Property '%s' cannot be found on this object; make sure it exists "
                               "and is settable.",
        "VariableNotFound": "Cannot find a variable with name '%s'.",
        "IllegalKey": "Illegal key {0}",
        "MemberAlreadyExists": 'Cannot add a member with the name "%s" because a member with that '
                               'name already exists. If you want to overwrite the member anyway, '
                               'use the Force parameter to overwrite it.',
        # 2.0's exact wording is not verified (kept here to change in one place).
        "HelpNotFound": "Get-Help could not find %s in a help file in this session.",
        "HelpCommonParameters": _COMMON_HELP_20,
        **_TRANSCRIPT_20,
    },
)

PS51 = Dialect(
    name="5.1",
    version_table=(("PSVersion", "5.1.17763.1971"), ("PSEdition", "Desktop"),
                   ("PSCompatibleVersions", ("1.0", "2.0", "3.0", "4.0", "5.0", "5.1.17763.1971")),
                   ("BuildVersion", "10.0.17763.1971"), ("CLRVersion", "4.0.30319.42000"),
                   ("WSManStackVersion", "3.0"), ("PSRemotingProtocolVersion", "2.3"),
                   ("SerializationVersion", "1.1.0.1")),
    maximum_history_count=4096, call_depth_limit=None, requires_modules=True,
    member_enumeration=True, scalar_count=True, foreach_skips_null=True, psitem=True,
    collection_methods=True, ignore_action=True, net4_members=True, type_new_method=True, timespan_format_strings=True,
    strict_mode_latest=3, script_path_variables=True, default_parameter_values=True, v5_cmdlets=True, core_snapins=("Microsoft.PowerShell.Core",),
    modules=_MODULES_51,
    loaded_modules=("Microsoft.PowerShell.Management", "Microsoft.PowerShell.Utility"),
    v3_cmdlets=True, simplified_syntax=True, extra_common_parameters=True,
    foreach_supports_should_process=True, select_first_stops_upstream=True,
    type_keywords=True, syntax_lists_common_parameters=False, syntax_mandatory_first=False,
    help_switch_type=True, module_command_view=True, wide_file_mode=True,
    x509_script_properties=True, cert_directory_header=False, cert_filter_parameters=True,
    cert_provider_writes=True, html_colgroup_one_line=True, html_encodes_apostrophe=True,
    should_process_text='Performing the operation "{action}" on target "{target}".',
    error_marker=ERROR_MARKER_UNDERLINE, parse_message_first=False,
    split_terminator_message=False, stop_message_prefix=False, not_found_names_command=True,
    messages={
        "TypeNotFound": "Unable to find type [%s].",
        "MethodNotFound": "Method invocation failed because [%s] does not contain a method named "
                          "'%s'.",
        "NewObjectTypeNotFound": "Cannot find type [%s]: verify that the assembly containing "
                                 "this type is loaded.",
        "PropertyNotSettable": "The property '%s' cannot be found on this object. Verify that "
                               "the property exists and can be set.",
        "VariableNotFound": "Cannot find a variable with the name '%s'.",
        "IllegalKey": "The {0} key is not valid.",
        "MemberAlreadyExists": 'Cannot add a member with the name "%s" because a member with that '
                               'name already exists. To overwrite the member anyway, add the Force '
                               'parameter to your command.',
        "HelpNotFound": ("Get-Help could not find %s in a help file in this session. To download "
                         "updated help topics type: \"Update-Help\". To get help online, search "
                         "for the help topic in the TechNet library at "
                         "https:/go.microsoft.com/fwlink/?LinkID=107116."),
        "HelpCommonParameters": _COMMON_HELP_51,
        **_TRANSCRIPT_51,
    },
)

#: Every dialect by name.
DIALECTS: Dict[str, Dialect] = {d.name: d for d in (PS20, PS51)}


def dialect(which: Union[str, Dialect, None]) -> Dialect:
    """A dialect by name ("2.0", "5.1"); a Dialect is returned as it is, None is 2.0.
    A later minor version reads as the nearest one we have ("5.0" -> 5.1)."""
    if isinstance(which, Dialect):
        return which
    if which is None:
        return PS20
    found = DIALECTS.get(str(which))
    if found is not None:
        return found
    try:
        major = int(str(which).split(".")[0])
    except ValueError:
        return PS20
    return PS20 if major < 3 else PS51


# ============================================================================ profiles

# Server role names as Get-ExchangeServer shows them (ServerRole).
MAILBOX = "Mailbox"
CLIENT_ACCESS = "ClientAccess"
HUB_TRANSPORT = "HubTransport"
EDGE_TRANSPORT = "Edge"
UNIFIED_MESSAGING = "UnifiedMessaging"

#: Profile.smtp_question: the "overwrite the default SMTP certificate?" question as
#: the 2007/2010 console asks it (one line, [S] Suspend), or as a 2013+ Confirm prompt.
SMTP_QUESTION_CONSOLE = "console"
SMTP_QUESTION_CONFIRM = "confirm"

#: Profile.console: the line editor of the version's Windows Server -- the classic
#: console (conhost: Server 2008/2012) or PSReadLine (Windows PowerShell 5.1 on 2016/2019).
CONSOLE_CLASSIC = "Classic"
CONSOLE_PSREADLINE = "PSReadLine"
CONSOLES = (CONSOLE_CLASSIC, CONSOLE_PSREADLINE)


#: Profile.machine_stores / user_stores: the certificate stores Cert:\LocalMachine and
#: Cert:\CurrentUser list, in the order Windows enumerates them (a default install of
#: the Windows Server under the version; "My" is Personal, "CA" the intermediates).
MACHINE_STORES_2008R2 = ("TrustedPublisher", "ClientAuthIssuer", "Remote Desktop", "Root",
                         "TrustedDevices", "CA", "REQUEST", "AuthRoot", "TrustedPeople", "My",
                         "SmartCardRoot", "Trust", "Disallowed")
MACHINE_STORES_2012R2 = ("TrustedPublisher", "ClientAuthIssuer", "Remote Desktop", "Root",
                         "TrustedDevices", "WebHosting", "CA", "REQUEST", "AuthRoot",
                         "TrustedPeople", "My", "SmartCardRoot", "Trust", "Disallowed")
MACHINE_STORES_2016 = ("TrustedPublisher", "ClientAuthIssuer", "Remote Desktop", "Root",
                       "TrustedDevices", "WebHosting", "CA", "Windows Live ID Token Issuer",
                       "REQUEST", "AuthRoot", "FlightRoot", "TrustedPeople", "My",
                       "SmartCardRoot", "Trust", "Disallowed")
USER_STORES = ("TrustedPublisher", "ClientAuthIssuer", "Root", "UserDS", "CA", "REQUEST",
               "AuthRoot", "TrustedPeople", "ADDRESSBOOK", "My", "SmartCardRoot", "Trust",
               "Disallowed")


class Profile(_Facts):
    """One Exchange version at one update level.  Facts come from the reference
    notes (§0, §3.4, §4, §5, §6); uncertain choices are marked where the row is."""

    version: str                # "2007" | "2010" | "2013" | "2016" | "2019"
    update: str                 # the cumulative update (service pack for 2007/2010): "CU14"
    build: str                  # "15.2.1544.4": AdminDisplayVersion and major version
    dialect: Dialect            # the Windows PowerShell its shell runs
    services_width: int         # width of ServicesStringForm: 5 / 6 / 7
    allowed_services: tuple     # AllowedServices member names valid here (.NET order)
    selfsigned_years: int       # lifetime of New-ExchangeCertificate's self-signed certificates
    selfsigned_hash: str        # "sha1" / "sha256": signature hash of New-ExchangeCertificate
    setup_hash: str             # signature hash of the certificate Exchange setup made
    smtp_question: str          # SMTP_QUESTION_CONSOLE | SMTP_QUESTION_CONFIRM
    remote_errors: bool         # errors come back through remoting (no position block)
    error_stamp: bool           # remote errors carry [Server=...,RequestId=...] and PSComputerName
    confirm_offers_suspend: bool  # ShouldProcess prompts offer [S] Suspend (the local console)
    rpc_prefix: bool            # errors prefixed "A special Rpc error occurs on server X: "
    has_identity: bool          # -Identity SERVER\thumbprint on the certificate cmdlets
    has_server_param: bool      # -Server (and Get's -DomainController) on the certificate cmdlets
    exchange_2010_parameters: bool  # what 2010 added: -IncludeServerFQDN, -SubjectKeyIdentifier,
                                    # -FileData, -NetworkServiceAllowed, -TlsCertificateName...
    new_output_before_enable: bool  # New-ExchangeCertificate shows Services as created,
                                    # before enabling (2010 article: none)
    roles: tuple                # default roles of a server of this version
    new_file_params: tuple = ()     # file parameters of New-ExchangeCertificate ("Path", "RequestFile")
    import_file_params: tuple = ()  # of Import-ExchangeCertificate: ("Path",) 2007, ("FileName",) 2013
    export_file_params: tuple = ()  # of Export-ExchangeCertificate: ("Path",) 2007, ("FileName",) 2013
    transport_roles: tuple = (HUB_TRANSPORT, EDGE_TRANSPORT)   # roles that make SMTP derivable
    cas_roles: tuple = (CLIENT_ACCESS,)                        # roles that run POP3/IMAP4
    um_roles: tuple = (UNIFIED_MESSAGING,)                     # roles that can use a UM certificate
    umcr_roles: tuple = ()                                     # roles of the UM call router (CAFE)
    iis_setup_sites: tuple = (1,)   # IIS sites setup binds its certificate to (1 = Default Web
                                    # Site, 2 = Exchange Back End, 2013+)
    iis_enable_sites: tuple = (1,)  # sites Enable-ExchangeCertificate -Services IIS binds
    has_auth_certificate: bool = False   # setup makes the Auth certificate; Get-/Set-AuthConfig
    has_wmsvc_certificate: bool = False  # a WMSvc certificate sits in the store (Windows 2012+)
    wmsvc_sha2: bool = False             # its subject is CN=WMSvc-SHA2-<server>
    key_sizes: tuple = (1024, 2048, 4096)  # accepted -KeySize values (docs list these three)
    transport_cmdlet: str = "Get-TransportServer"  # the current name; 2013+ keeps the old one
                                                   # with a deprecation warning
    console: str = CONSOLE_CLASSIC  # the interactive console: CONSOLE_CLASSIC | CONSOLE_PSREADLINE
    # The server's Windows: [Environment]::OSVersion.VersionString (transcripts, $PSVersionTable)
    windows_version: str = "Microsoft Windows NT 6.1.7601 Service Pack 1"   # Server 2008 R2 SP1
    #: The Windows services Get-Service lists: (Name, DisplayName, services it depends on).
    windows_services: tuple = ()
    #: What a client reaches -> the services that must run for it to answer (HTTPS, IMAP...).
    endpoint_services: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    #: The Exchange snap-ins installed on the server: (name, description) for
    #: Add-PSSnapin and Get-PSSnapin -Registered.
    exchange_snapins: tuple = (
        ("Microsoft.Exchange.Management.PowerShell.E2010", "Admin Tools for Exchange Server 2010"),
        ("Microsoft.Exchange.Management.PowerShell.Setup", "Setup Tasks for Exchange Server 2010"),
        ("Microsoft.Exchange.Management.PowerShell.Support", "Support Tasks for Exchange Server 2010"))
    # Parameters of the server's own PowerShell modules that do not follow the dialect:
    set_content_no_newline: bool = False   # Set-Content -NoNewline (5.0; not on 2013's servers)
    get_content_as_byte_stream: bool = False  # Get-Content -AsByteStream (pwsh 6+; offered where
                                              # admins often load the Exchange module in pwsh)
    # The Windows Server the version runs on: its PKI module, certutil and CryptoAPI texts.
    windows_server: str = "2008 R2"        # the release (display and help only)
    pki_module: bool = False               # the PKI module: Import-/Export-PfxCertificate,
                                           # Import-/Export-Certificate, New-SelfSignedCertificate,
                                           # Test-Certificate (Windows Server 2012 and later)
    selfsigned_full_parameters: bool = False  # New-SelfSignedCertificate's Server 2016 parameters
                                              # (-Subject, -KeyAlgorithm, -KeyLength, -NotAfter,
                                              # -TextExtension, -Type, -Signer...); Server 2012 R2's
                                              # has -DnsName, -CloneCert and -CertStoreLocation only
    pfx_crypto_algorithm_option: bool = False  # Export-PfxCertificate -CryptoAlgorithmOption (1709+)
    spaced_key_ids: bool = True            # key identifiers and certutil's hashes print as
                                           # "a1 b2 c3" (before Server 2016) rather than "a1b2c3"
    machine_stores: tuple = MACHINE_STORES_2008R2  # Cert:\LocalMachine's stores
    user_stores: tuple = USER_STORES               # Cert:\CurrentUser's stores
    # -- facts that changed from one cumulative update to the next -------------------------
    #: Format-List shows the private key's CryptoKeyAccessRules.  Captures from recently
    #: patched 2019 servers show AccessRules empty ({}), older builds list the rules [C]; we
    #: take the CUs released after the November 2022 SU's serialisation changes (2019 CU13
    #: on) as the ones that return them empty [I].
    access_rules_shown: bool = True
    #: FullyQualifiedErrorId hex codes captured on this version, by "ErrorId|purpose"
    #: (the code is a hash of where the task failed, so it differs between versions).
    error_hex: Mapping[str, str] = {}
    # -- federation (2010+) -----------------------------------------------------------------
    federation: bool = False               # Get-/New-/Set-/Remove-FederationTrust, Get-/Set-
                                           # FederatedOrganizationIdentifier, Test-FederationTrust
    federation_dns_warning: bool = False   # New-FederationTrust -SuppressDnsWarning (2010 only [D])
    federated_default_domain: bool = False  # Set-FederatedOrganizationIdentifier -DefaultDomain (2013+ [D])
    #: Test-FederationTrustCertificate names the server of each result (2010); from 2013 on
    #: its results carry no server names (documented in "Renew the federation certificate").
    federation_status_names_servers: bool = False
    # -- the EMS start (RemoteExchange.ps1 / Exchange.ps1 of the version) --------------------
    banner: str = "2010"                   # which banner text (exshell.help.banner.BANNERS)
    #: Connect-ExchangeServer's VERBOSE lines ({fqdn}: the server it connects to); none on
    #: 2007, whose shell loads the snap-in locally.  2013+ end the first with a period [C].
    connect_lines: Tuple[str, ...] = ("Connecting to {fqdn}", "Connected to {fqdn}.")
    #: The Exchange cmdlets reach the shell as implicit-remoting proxy functions of a
    #: temporary module (tmp_xxxxxxxx.xxx): Get-Command says Function (2010+); 2007's
    #: snap-in gives real cmdlets.
    implicit_remoting: bool = True
    install_path: str = "C:\\Program Files\\Microsoft\\Exchange Server\\V14\\"   # $exinstall
    #: What the QuickRef function opens: 2007/2010 the local exquick.htm ({install} is
    #: install_path), 2013+ a web page.
    quickref: str = "{install}bin\\en\\exquick.htm"
    # -- client-side tests ------------------------------------------------------------------
    owa_connectivity_test: bool = False    # Test-OwaConnectivity (2010 only [D]) and the 2010-only
                                           # parameters of Test-WebServicesConnectivity
    iis_version: str = "7.5"               # the IIS of the version's Windows (Server: header)

    @property
    def name(self) -> str:
        """The row's name: ``2019-CU14``."""
        return "%s-%s" % (self.version, self.update)

    @property
    def display_version(self) -> str:
        """AdminDisplayVersion: ``Version 15.2 (Build 1544.4)``."""
        parts = self.build.split(".")
        return "Version %s.%s (Build %s)" % (parts[0], parts[1], ".".join(parts[2:]))

    @property
    def major_version(self) -> int:
        """AdminDisplayVersion.Major: 8, 14 or 15."""
        return int(self.build.split(".")[0])

    @property
    def ps_version(self) -> str:
        """The dialect's name ("2.0", "5.1"), for display."""
        return self.dialect.name


_S2007 = ("None", "IMAP", "POP", "UM", "IIS", "SMTP")
_S2010 = _S2007 + ("Federation",)
_S2013 = _S2010 + ("UMCallRouter",)

_LEGACY_ROLES = (MAILBOX, CLIENT_ACCESS, HUB_TRANSPORT)

# Windows services of an Exchange server (Get-Service), by version: (Name, DisplayName,
# depends on).  Exchange's own and IIS's; the rest of Windows is left out.
_IIS = (("IISADMIN", "IIS Admin Service", ()),
        ("WAS", "Windows Process Activation Service", ()),
        ("W3SVC", "World Wide Web Publishing Service", ("WAS",)))
_TOPOLOGY = ("MSExchangeADTopology",)
_SERVICES_2007 = _IIS + (
    ("MSExchangeADTopology", "Microsoft Exchange Active Directory Topology Service", ()),
    ("MSExchangeAntispamUpdate", "Microsoft Exchange Anti-spam Update", _TOPOLOGY),
    ("MSExchangeEdgeSync", "Microsoft Exchange EdgeSync", _TOPOLOGY),
    ("MSExchangeFDS", "Microsoft Exchange File Distribution", _TOPOLOGY),
    ("MSExchangeImap4", "Microsoft Exchange IMAP4", _TOPOLOGY),
    ("MSExchangeIS", "Microsoft Exchange Information Store", ()),
    ("MSExchangeMailboxAssistants", "Microsoft Exchange Mailbox Assistants", _TOPOLOGY),
    ("MSExchangeMailSubmission", "Microsoft Exchange Mail Submission", _TOPOLOGY),
    ("MSExchangeMonitoring", "Microsoft Exchange Monitoring", ()),
    ("MSExchangePop3", "Microsoft Exchange POP3", _TOPOLOGY),
    ("MSExchangeRepl", "Microsoft Exchange Replication Service", _TOPOLOGY),
    ("MSExchangeSA", "Microsoft Exchange System Attendant", _TOPOLOGY),
    ("MSExchangeSearch", "Microsoft Exchange Search Indexer", _TOPOLOGY),
    ("MSExchangeServiceHost", "Microsoft Exchange Service Host", _TOPOLOGY),
    ("MSExchangeTransport", "Microsoft Exchange Transport", _TOPOLOGY),
    ("MSExchangeTransportLogSearch", "Microsoft Exchange Transport Log Search", _TOPOLOGY),
)
_SERVICES_2010 = tuple(sorted(_SERVICES_2007 + (
    ("MSExchangeAB", "Microsoft Exchange Address Book", _TOPOLOGY),
    ("MSExchangeFBA", "Microsoft Exchange Forms-Based Authentication service", _TOPOLOGY),
    ("MSExchangeMailboxReplication", "Microsoft Exchange Mailbox Replication", _TOPOLOGY),
    ("MSExchangeProtectedServiceHost", "Microsoft Exchange Protected Service Host", _TOPOLOGY),
    ("MSExchangeRPC", "Microsoft Exchange RPC Client Access", _TOPOLOGY),
    ("MSExchangeThrottling", "Microsoft Exchange Throttling", _TOPOLOGY),
), key=lambda r: r[0].casefold()))
_SERVICES_2013 = tuple(sorted(_IIS[1:] + (
    ("HostControllerService", "Search Host Controller", ()),
    ("MSExchangeADTopology", "Microsoft Exchange Active Directory Topology", ()),
    ("MSExchangeAntispamUpdate", "Microsoft Exchange Anti-spam Update", _TOPOLOGY),
    ("MSExchangeDagMgmt", "Microsoft Exchange DAG Management", _TOPOLOGY),
    ("MSExchangeDelivery", "Microsoft Exchange Mailbox Transport Delivery", _TOPOLOGY),
    ("MSExchangeDiagnostics", "Microsoft Exchange Diagnostics", ()),
    ("MSExchangeEdgeSync", "Microsoft Exchange EdgeSync", _TOPOLOGY),
    ("MSExchangeFastSearch", "Microsoft Exchange Search", ()),
    ("MSExchangeFrontEndTransport", "Microsoft Exchange Frontend Transport", _TOPOLOGY),
    ("MSExchangeHM", "Microsoft Exchange Health Manager", ()),
    ("MSExchangeImap4", "Microsoft Exchange IMAP4", _TOPOLOGY),
    ("MSExchangeIMAP4BE", "Microsoft Exchange IMAP4 Backend", _TOPOLOGY),
    ("MSExchangeIS", "Microsoft Exchange Information Store", _TOPOLOGY),
    ("MSExchangeMailboxAssistants", "Microsoft Exchange Mailbox Assistants", _TOPOLOGY),
    ("MSExchangeMailboxReplication", "Microsoft Exchange Mailbox Replication", _TOPOLOGY),
    ("MSExchangePop3", "Microsoft Exchange POP3", _TOPOLOGY),
    ("MSExchangePOP3BE", "Microsoft Exchange POP3 Backend", _TOPOLOGY),
    ("MSExchangeRepl", "Microsoft Exchange Replication", _TOPOLOGY),
    ("MSExchangeRPC", "Microsoft Exchange RPC Client Access", _TOPOLOGY),
    ("MSExchangeServiceHost", "Microsoft Exchange Service Host", _TOPOLOGY),
    ("MSExchangeSubmission", "Microsoft Exchange Mailbox Transport Submission", _TOPOLOGY),
    ("MSExchangeThrottling", "Microsoft Exchange Throttling", _TOPOLOGY),
    ("MSExchangeTransport", "Microsoft Exchange Transport", _TOPOLOGY),
    ("MSExchangeTransportLogSearch", "Microsoft Exchange Transport Log Search", _TOPOLOGY),
    ("MSExchangeUM", "Microsoft Exchange Unified Messaging", _TOPOLOGY),
    ("MSExchangeUMCR", "Microsoft Exchange Unified Messaging Call Router", _TOPOLOGY),
), key=lambda r: r[0].casefold()))
_SERVICES_2019 = tuple(r for r in _SERVICES_2013 if r[0] not in ("MSExchangeUM", "MSExchangeUMCR"))
# Which services answer a client: IIS for HTTPS; POP3/IMAP4 (the front-end service on
# 2013+); SMTP on port 25 (the Transport service, the Frontend Transport on 2013+).
_ENDPOINTS_LEGACY = (("https", ("W3SVC", "WAS")), ("imap", ("MSExchangeImap4",)),
                     ("pop", ("MSExchangePop3",)), ("smtp", ("MSExchangeTransport",)))
_ENDPOINTS_15 = (("https", ("W3SVC", "WAS")), ("imap", ("MSExchangeImap4",)),
                 ("pop", ("MSExchangePop3",)), ("smtp", ("MSExchangeFrontEndTransport",)))

_EX2007 = Profile(
    # 2007 SP3: local snap-in, no RPC layer; 5-character codes and error wording are guesses [?].
    version="2007", update="SP3", build="8.3.83.6", dialect=PS20,
    exchange_snapins=(
        ("Microsoft.Exchange.Management.PowerShell.Admin", "Admin Tools for Exchange Server 2007"),
        ("Microsoft.Exchange.Management.PowerShell.Support", "Support Tasks for Exchange Server 2007")),
    services_width=5, allowed_services=_S2007, selfsigned_years=1,
    selfsigned_hash="sha1", setup_hash="sha1", smtp_question=SMTP_QUESTION_CONSOLE,
    remote_errors=False, error_stamp=False, confirm_offers_suspend=True, rpc_prefix=False,
    has_identity=False, has_server_param=False, exchange_2010_parameters=False,
    new_output_before_enable=True, roles=_LEGACY_ROLES,
    new_file_params=("Path",), import_file_params=("Path",), export_file_params=("Path",),
    windows_version="Microsoft Windows NT 6.0.6002 Service Pack 2",   # Server 2008 SP2
    windows_services=_SERVICES_2007, endpoint_services=_ENDPOINTS_LEGACY,
    windows_server="2008",
    # The local snap-in: no federation, no connection lines, real cmdlets; Exchange.ps1's
    # banner.  2007 installs under Exchange Server\ (no V8 folder); exquick.htm's folder [?].
    banner="2007", connect_lines=(), implicit_remoting=False, iis_version="7.0",
    install_path="C:\\Program Files\\Microsoft\\Exchange Server\\",
    quickref="{install}bin\\exquick.htm",
)

_EX2010 = Profile(
    # 2010 SP3: the version the seed article teaches.
    version="2010", update="SP3", build="14.3.123.4", dialect=PS20,
    services_width=6, allowed_services=_S2010, selfsigned_years=5,
    selfsigned_hash="sha1", setup_hash="sha1", smtp_question=SMTP_QUESTION_CONSOLE,
    remote_errors=True, error_stamp=False, confirm_offers_suspend=False, rpc_prefix=True,
    has_identity=False, has_server_param=True, exchange_2010_parameters=True,
    new_output_before_enable=True, roles=_LEGACY_ROLES,
    windows_services=_SERVICES_2010, endpoint_services=_ENDPOINTS_LEGACY,
    federation=True, federation_dns_warning=True, owa_connectivity_test=True,
    federation_status_names_servers=True,
)

_EX2013 = Profile(
    # 2013 CU23: New makes SHA-256 (since CU13); the setup certificate stays SHA-1.
    version="2013", update="CU23", build="15.0.1497.2", dialect=PS51,
    exchange_snapins=(
        ("Microsoft.Exchange.Management.PowerShell.SnapIn", "Admin Tools for Exchange Server"),
        ("Microsoft.Exchange.Management.PowerShell.Setup", "Setup Tasks for Exchange Server"),
        ("Microsoft.Exchange.Management.PowerShell.Support", "Support Tasks for Exchange Server")),
    services_width=7, allowed_services=_S2013, selfsigned_years=5,
    selfsigned_hash="sha256", setup_hash="sha1", smtp_question=SMTP_QUESTION_CONFIRM,
    remote_errors=True, error_stamp=True, confirm_offers_suspend=False, rpc_prefix=True,
    has_identity=True, has_server_param=True, exchange_2010_parameters=True,
    new_output_before_enable=False, roles=(MAILBOX, CLIENT_ACCESS),
    new_file_params=("RequestFile",), import_file_params=("FileName",),
    export_file_params=("FileName",),
    transport_roles=(MAILBOX, CLIENT_ACCESS, EDGE_TRANSPORT),
    cas_roles=(CLIENT_ACCESS,), um_roles=(MAILBOX,), umcr_roles=(CLIENT_ACCESS,),
    iis_setup_sites=(1, 2), has_auth_certificate=True, has_wmsvc_certificate=True,
    transport_cmdlet="Get-TransportService",
    windows_version="Microsoft Windows NT 6.3.9600.0",   # Server 2012 R2
    windows_services=_SERVICES_2013, endpoint_services=_ENDPOINTS_15,
    windows_server="2012 R2", pki_module=True, machine_stores=MACHINE_STORES_2012R2,
    federation=True, federated_default_domain=True, banner="2013", iis_version="8.5",
    connect_lines=("Connecting to {fqdn}.", "Connected to {fqdn}."),
    install_path="C:\\Program Files\\Microsoft\\Exchange Server\\V15\\",
    quickref="http://go.microsoft.com/fwlink/p/?LinkId=259608",
)

_EX2016 = _EX2013.replace(
    # 2016 CU23 (after the 2022 H1 CU: no file parameters).  The setup certificate is
    # SHA-1 because we model a server installed before CU22 (like the real captures).
    version="2016", update="CU23", build="15.1.2507.6",
    roles=(MAILBOX,), new_file_params=(), import_file_params=(), export_file_params=(),
    transport_roles=(MAILBOX, EDGE_TRANSPORT), cas_roles=(MAILBOX,),
    um_roles=(MAILBOX,), umcr_roles=(MAILBOX,), wmsvc_sha2=True,
    set_content_no_newline=True, get_content_as_byte_stream=True,
    console=CONSOLE_PSREADLINE,   # Server 2016: PSReadLine in the console of 5.1
    windows_version="Microsoft Windows NT 10.0.14393.0",   # Server 2016
    windows_server="2016", selfsigned_full_parameters=True, spaced_key_ids=False,
    machine_stores=MACHINE_STORES_2016,
    # Remove-ExchangeCertificate of a certificate a Send connector names [C] (win-acme #1754).
    error_hex={"CertificateTaggedWithSendConnectors|remove": "23FA4F48"}, iis_version="10.0",
)

_EX2019 = _EX2016.replace(
    # 2019 CU14: SHA-256 for the setup certificate too (from CU11); UM is gone.  The
    # Send-connector error code is 2016's: the same task code [I].
    version="2019", update="CU14", build="15.2.1544.4",
    setup_hash="sha256", um_roles=(), umcr_roles=(),
    windows_version="Microsoft Windows NT 10.0.17763.0",   # Server 2019
    windows_services=_SERVICES_2019, access_rules_shown=False,
    windows_server="2019",
    pfx_crypto_algorithm_option=True,   # Server 2019 (1809): AES-256 PFX export and import
)

# ---- earlier cumulative updates: one row each for the facts that changed within a version.
# Builds from Microsoft's "Exchange Server build numbers and release dates" (the CU as
# released, without later security updates).  The file parameters came back only before
# the 2022 H1 CU (2019 CU12, 2016 CU23), which removed -RequestFile (New) and -FileName
# (Import, Export) because they accept UNC paths [D].
_FILE_PARAMS_2013 = dict(new_file_params=("RequestFile",), import_file_params=("FileName",),
                         export_file_params=("FileName",))

_EX2013_CU12 = _EX2013.replace(
    # 2013 CU12: New-ExchangeCertificate still signs with SHA-1 (SHA-256 from CU13 [C]).
    update="CU12", build="15.0.1178.4", selfsigned_hash="sha1",
)
_EX2016_CU22 = _EX2016.replace(
    # 2016 CU22 (September 2021): the last 2016 CU with the file parameters.
    update="CU22", build="15.1.2375.7", **_FILE_PARAMS_2013,
)
_EX2019_CU10 = _EX2019.replace(
    # 2019 CU10: setup still made a SHA-1 certificate (SHA-256 from CU11 [D]).
    update="CU10", build="15.2.922.7", setup_hash="sha1", access_rules_shown=True,
    **_FILE_PARAMS_2013,
)
_EX2019_CU11 = _EX2019.replace(
    # 2019 CU11 (September 2021): SHA-256 setup certificate; the file parameters still there.
    update="CU11", build="15.2.986.5", access_rules_shown=True, **_FILE_PARAMS_2013,
)
_EX2019_CU12 = _EX2019.replace(
    # 2019 CU12 (the 2022 H1 CU): no file parameters; AccessRules still listed.
    update="CU12", build="15.2.1118.7", access_rules_shown=True,
)
_EX2019_CU13 = _EX2019.replace(
    # 2019 CU13 (2023 H1): released after the November 2022 SU; AccessRules come back empty.
    update="CU13", build="15.2.1258.12",
)

#: Every row, oldest version first; within a version, oldest update first: the last
#: row of a version is what the bare version means.
PROFILE_ROWS: Tuple[Profile, ...] = (
    _EX2007, _EX2010, _EX2013_CU12, _EX2013, _EX2016_CU22, _EX2016,
    _EX2019_CU10, _EX2019_CU11, _EX2019_CU12, _EX2019_CU13, _EX2019)

#: Bare version -> its latest row.
PROFILES: Dict[str, Profile] = {}
for _row in PROFILE_ROWS:
    PROFILES[_row.version] = _row
del _row

#: The Exchange versions exshell emulates (the one list; the CLI and labs use it).
SUPPORTED_VERSIONS: Tuple[str, ...] = tuple(PROFILES)

#: The version a shell emulates when none is asked for (the seed article's).
DEFAULT_VERSION = "2010"

_BY_NAME: Dict[str, Profile] = {p.name.casefold(): p for p in PROFILE_ROWS}

#: Every row's name, oldest first ("2019-CU11"...): -ExchangeVersion and version keys
#: of organisation and lab files accept these besides the bare versions.
ROW_NAMES: Tuple[str, ...] = tuple(p.name for p in PROFILE_ROWS)


def versions_help() -> str:
    """The accepted -ExchangeVersion values, for usage and error texts: each version
    with its rows, the last one (what the bare version means) marked."""
    parts = []
    for version in SUPPORTED_VERSIONS:
        rows = [p.update for p in PROFILE_ROWS if p.version == version]
        if len(rows) == 1:
            parts.append("%s (%s)" % (version, rows[0]))
        else:
            parts.append("%s (%s; or %s)" % (version, rows[-1],
                                            ", ".join("%s-%s" % (version, r) for r in rows[:-1])))
    return ", ".join(parts)


def is_profile_name(text: str) -> bool:
    """True for what :func:`get_profile` accepts: a supported version ("2019") or a row
    name ("2019-CU14", "2019 cu14"), any case."""
    try:
        get_profile(str(text))
    except KeyError:
        return False
    return True


def get_profile(which: Union[str, int, Profile]) -> Profile:
    """The row for ``which``: a bare version ("2010", 2010, "Exchange2010") means its
    latest row; a row name ("2019-CU14", "2019 CU14", "2019CU14") that row.

    Raises :class:`KeyError` (a LookupError) for anything else; the message lists
    the supported versions.
    """
    if isinstance(which, Profile):
        return which
    text = str(which).strip()
    low = text.casefold().replace(" ", "-")
    for prefix in ("exchange", "ex", "e"):
        if low.startswith(prefix) and low[len(prefix):len(prefix) + 4].isdigit():
            low = low[len(prefix):].lstrip("-")
            break
    if low in PROFILES:
        return PROFILES[low]
    if len(low) > 4 and low[:4].isdigit() and low[4] != "-":
        low = low[:4] + "-" + low[4:]
    found = _BY_NAME.get(low)
    if found is not None:
        return found
    raise KeyError("unknown Exchange version %r (supported: %s)" % (text, versions_help()))


def versions_where(predicate: Optional[Callable[[Profile], bool]]) -> Tuple[str, ...]:
    """The supported versions (latest rows) where ``predicate`` holds: for help
    texts and tests that list where a parameter or cmdlet exists."""
    return tuple(v for v, p in PROFILES.items() if predicate is None or predicate(p))


# ============================================================================ predicates
# Named availability predicates for Parameter(available=...) and Cmdlet.available.

def has_server_param(p: Profile) -> bool:
    """-Server on the Exchange cmdlets (2010+)."""
    return p.has_server_param


def has_2010_parameters(p: Profile) -> bool:
    """The parameters Exchange 2010 added to the certificate and connector cmdlets."""
    return p.exchange_2010_parameters


def has_identity_param(p: Profile) -> bool:
    """-Identity SERVER\\thumbprint on the certificate cmdlets (2013+)."""
    return p.has_identity


def v5_cmdlets(p: Profile) -> bool:
    """Cmdlets and parameters PowerShell 5.0 added (Select-Object -SkipLast...)."""
    return p.dialect.v5_cmdlets


def v3_cmdlets(p: Profile) -> bool:
    """Cmdlets and parameters PowerShell 3.0 added (the 5.1 shells of 2013+)."""
    return p.dialect.v3_cmdlets


def has_auth_config(p: Profile) -> bool:
    """Get-/Set-AuthConfig and the Auth certificate (2013+)."""
    return p.has_auth_certificate


def has_federation(p: Profile) -> bool:
    """The federation trust cmdlets and the Federation service flag (2010+)."""
    return p.federation


def has_federation_dns_warning(p: Profile) -> bool:
    """New-FederationTrust -SuppressDnsWarning (2010 only)."""
    return p.federation_dns_warning


def has_federated_default_domain(p: Profile) -> bool:
    """Set-FederatedOrganizationIdentifier -DefaultDomain (2013+)."""
    return p.federated_default_domain


def has_owa_connectivity_test(p: Profile) -> bool:
    """Test-OwaConnectivity and Test-WebServicesConnectivity's 2010-only parameters."""
    return p.owa_connectivity_test


def has_transport_service(p: Profile) -> bool:
    """Get-TransportService (2013+; Get-TransportServer stays, deprecated)."""
    return p.transport_cmdlet == "Get-TransportService"


def has_pki_module(p: Profile) -> bool:
    """The Windows Server PKI module's cmdlets (Server 2012 and later: Exchange 2013+)."""
    return p.pki_module


def has_full_selfsigned(p: Profile) -> bool:
    """New-SelfSignedCertificate's Server 2016 parameters (-Subject, -NotAfter...)."""
    return p.selfsigned_full_parameters


def has_pfx_crypto_option(p: Profile) -> bool:
    """Export-PfxCertificate -CryptoAlgorithmOption."""
    return p.pfx_crypto_algorithm_option


def cert_filter_parameters(p: Profile) -> bool:
    """The Cert: drive's 3.0 filters on Get-ChildItem (-DnsName, -ExpiringInDays...)."""
    return p.dialect.cert_filter_parameters


def cert_provider_writes(p: Profile) -> bool:
    """Remove-Item -DeleteKey on the Cert: drive (3.0)."""
    return p.dialect.cert_provider_writes
