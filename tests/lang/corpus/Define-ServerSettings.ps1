# Settings for a small Exchange site, kept as data the way DSC-minded admins keep them.
# (Written for exshell's parser tests: typed definitions that exshell parses but does
# not run, and the configuration data a DSC configuration would read.)
using namespace System.Collections.Generic

[Flags()]
enum ServerRole { None = 0; Mailbox = 1; Edge = 2 }

[DscResource()]
class SiteSetting {
    [DscProperty(Key)] [string] $Name
    [DscProperty()] [string[]] $Servers
    [void] Set() { }
    [bool] Test() { return $true }
    [SiteSetting] Get() { return $this }
}

$ConfigurationData = @{
    AllNodes = @(
        @{ NodeName = '*'; CertificateFile = 'C:\dsc\public.cer' }

        @{ NodeName = 'EX01'; Role = 'Mailbox'
           Databases = @('DB01', 'DB02') }
        @{ NodeName = 'EX02'; Role = 'Mailbox'
           Databases = @('DB03') }
    )
}

[DscLocalConfigurationManager()]
Configuration LcmSettings {
    Node $AllNodes.NodeName {
        Settings { RefreshMode = 'Push'; RebootNodeIfNeeded = $false }
    }
}

$ConfigurationData.AllNodes | Where-Object { $_.NodeName -ne '*' } | ForEach-Object {
    "{0}: {1}" -f $_.NodeName, ($_.Databases -join ', ')
}
