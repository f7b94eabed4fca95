"""What differs between Exchange versions: ONE table of :class:`VersionProfile`.

Every version-specific decision of the emulator reads a field of the profile
instead of comparing version strings, so adding or correcting a version means
editing :data:`PROFILES` only.  Facts come from the reference notes (§0, §3.4,
§4, §5, §6); where they are uncertain the choice is marked in a comment.

Imports only the standard library.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Tuple

__all__ = ["VersionProfile", "PROFILES", "get_profile", "SUPPORTED_VERSIONS"]

# Server role names as Get-ExchangeServer shows them (ServerRole).
MAILBOX = "Mailbox"
CLIENT_ACCESS = "ClientAccess"
HUB_TRANSPORT = "HubTransport"
EDGE_TRANSPORT = "Edge"
UNIFIED_MESSAGING = "UnifiedMessaging"


@dataclass(frozen=True)
class VersionProfile:
    version: str                # "2007" | "2010" | "2013" | "2016" | "2019"
    display_version: str        # AdminDisplayVersion, e.g. "Version 14.3 (Build 123.4)"
    ps_version: str             # "2.0" for 2007/2010, "5.1" for 2013+
    services_width: int         # width of ServicesStringForm: 5 / 6 / 7
    allowed_services: tuple     # AllowedServices member names valid in this version (.NET order)
    selfsigned_years: int       # lifetime of New-ExchangeCertificate's self-signed certificates
    selfsigned_hash: str        # "sha1" / "sha256": signature hash of New-ExchangeCertificate
    setup_hash: str             # signature hash of the certificate Exchange setup made
    smtp_prompt_style: str      # "2010" (one-line question, [S] Suspend) | "2013" (Confirm caption)
    error_style: str            # "local" (2007) | "remote2010" | "remote2013"
    rpc_prefix: bool            # errors prefixed "A special Rpc error occurs on server X: "
    has_identity: bool          # -Identity server\thumbprint parameter (2013+)
    has_server_param: bool      # -Server parameter (2010+)
    new_output_before_enable: bool  # New-ExchangeCertificate's output shows Services as the
                                    # certificate was created, before enabling (2010 article: none)
    roles: tuple                # default roles of a server of this version
    # ---- further version-specific facts
    major_version: int = 14     # AdminDisplayVersion.Major
    new_file_params: tuple = ()     # file parameters of New-ExchangeCertificate ("Path", "RequestFile")
    import_file_params: tuple = ()  # ("Path",) on 2007, ("FileName",) on 2013
    export_file_params: tuple = ()  # ("Path",) on 2007, ("FileName",) on 2013
    transport_roles: tuple = (HUB_TRANSPORT, EDGE_TRANSPORT)   # roles that make SMTP derivable
    cas_roles: tuple = (CLIENT_ACCESS,)                        # roles that run POP3/IMAP4
    um_roles: tuple = (UNIFIED_MESSAGING,)                     # roles that can use a UM certificate
    umcr_roles: tuple = ()                                     # roles of the UM call router (CAFE)
    iis_setup_sites: tuple = (1,)   # IIS sites setup binds its certificate to (1 = Default Web Site,
                                    # 2 = Exchange Back End, 2013+)
    iis_enable_sites: tuple = (1,)  # sites Enable-ExchangeCertificate -Services IIS binds
    has_auth_certificate: bool = False   # setup also makes the Auth certificate (2013+)
    has_wmsvc_certificate: bool = False  # a WMSvc certificate sits in the store (Windows 2012+)
    wmsvc_sha2: bool = False             # its subject is CN=WMSvc-SHA2-<server>
    key_sizes: tuple = (1024, 2048, 4096)  # accepted -KeySize values (docs list these three)
    transport_cmdlet: str = "Get-TransportServer"  # the current name; 2013+ keeps the old one
                                                   # with a deprecation warning

    @property
    def services_names(self) -> tuple:
        return self.allowed_services


_S2007 = ("None", "IMAP", "POP", "UM", "IIS", "SMTP")
_S2010 = _S2007 + ("Federation",)
_S2013 = _S2010 + ("UMCallRouter",)

_LEGACY_ROLES = (MAILBOX, CLIENT_ACCESS, HUB_TRANSPORT)

PROFILES: Dict[str, VersionProfile] = {
    # 2007: local snap-in, no RPC layer; 5-character codes and error wording are guesses [?].
    "2007": VersionProfile(
        version="2007", display_version="Version 8.3 (Build 83.6)", ps_version="2.0",
        services_width=5, allowed_services=_S2007, selfsigned_years=1,
        selfsigned_hash="sha1", setup_hash="sha1", smtp_prompt_style="2010",
        error_style="local", rpc_prefix=False, has_identity=False, has_server_param=False,
        new_output_before_enable=True, roles=_LEGACY_ROLES, major_version=8,
        new_file_params=("Path",), import_file_params=("Path",), export_file_params=("Path",),
    ),
    # 2010 SP3: the version the seed article teaches.
    "2010": VersionProfile(
        version="2010", display_version="Version 14.3 (Build 123.4)", ps_version="2.0",
        services_width=6, allowed_services=_S2010, selfsigned_years=5,
        selfsigned_hash="sha1", setup_hash="sha1", smtp_prompt_style="2010",
        error_style="remote2010", rpc_prefix=True, has_identity=False, has_server_param=True,
        new_output_before_enable=True, roles=_LEGACY_ROLES, major_version=14,
    ),
    # 2013 CU23: New makes SHA-256 (since CU13); the setup certificate stays SHA-1.
    "2013": VersionProfile(
        version="2013", display_version="Version 15.0 (Build 1497.2)", ps_version="5.1",
        services_width=7, allowed_services=_S2013, selfsigned_years=5,
        selfsigned_hash="sha256", setup_hash="sha1", smtp_prompt_style="2013",
        error_style="remote2013", rpc_prefix=True, has_identity=True, has_server_param=True,
        new_output_before_enable=False, roles=(MAILBOX, CLIENT_ACCESS), major_version=15,
        new_file_params=("RequestFile",), import_file_params=("FileName",),
        export_file_params=("FileName",),
        transport_roles=(MAILBOX, CLIENT_ACCESS, EDGE_TRANSPORT),
        cas_roles=(CLIENT_ACCESS,), um_roles=(MAILBOX,), umcr_roles=(CLIENT_ACCESS,),
        iis_setup_sites=(1, 2), has_auth_certificate=True, has_wmsvc_certificate=True,
        transport_cmdlet="Get-TransportService",
    ),
    # 2016 CU23 (after the 2022 H1 CU: no file parameters).  The setup certificate is
    # SHA-1 because we model a server installed before CU22 (like the real captures).
    "2016": VersionProfile(
        version="2016", display_version="Version 15.1 (Build 2507.6)", ps_version="5.1",
        services_width=7, allowed_services=_S2013, selfsigned_years=5,
        selfsigned_hash="sha256", setup_hash="sha1", smtp_prompt_style="2013",
        error_style="remote2013", rpc_prefix=True, has_identity=True, has_server_param=True,
        new_output_before_enable=False, roles=(MAILBOX,), major_version=15,
        transport_roles=(MAILBOX, EDGE_TRANSPORT), cas_roles=(MAILBOX,),
        um_roles=(MAILBOX,), umcr_roles=(MAILBOX,),
        iis_setup_sites=(1, 2), has_auth_certificate=True, has_wmsvc_certificate=True,
        transport_cmdlet="Get-TransportService",
        wmsvc_sha2=True,
    ),
    # 2019 CU14: SHA-256 for the setup certificate too (from CU11); UM is gone.
    "2019": VersionProfile(
        version="2019", display_version="Version 15.2 (Build 1544.4)", ps_version="5.1",
        services_width=7, allowed_services=_S2013, selfsigned_years=5,
        selfsigned_hash="sha256", setup_hash="sha256", smtp_prompt_style="2013",
        error_style="remote2013", rpc_prefix=True, has_identity=True, has_server_param=True,
        new_output_before_enable=False, roles=(MAILBOX,), major_version=15,
        transport_roles=(MAILBOX, EDGE_TRANSPORT), cas_roles=(MAILBOX,),
        um_roles=(), umcr_roles=(),
        iis_setup_sites=(1, 2), has_auth_certificate=True, has_wmsvc_certificate=True,
        transport_cmdlet="Get-TransportService",
        wmsvc_sha2=True,
    ),
}

SUPPORTED_VERSIONS: Tuple[str, ...] = tuple(PROFILES)


def get_profile(version) -> VersionProfile:
    """The profile of ``version`` ("2010", 2010, "Exchange2010"...).

    Raises :class:`KeyError` (a subclass of LookupError) for an unknown version; the
    message lists the supported ones.
    """
    if isinstance(version, VersionProfile):
        return version
    text = str(version).strip()
    low = text.lower()
    for prefix in ("exchange", "ex", "e"):
        if low.startswith(prefix) and low[len(prefix):].strip().isdigit():
            text = low[len(prefix):].strip()
            break
    try:
        return PROFILES[text]
    except KeyError:
        raise KeyError("unknown Exchange version %r (supported: %s)"
                       % (str(version), ", ".join(SUPPORTED_VERSIONS))) from None
