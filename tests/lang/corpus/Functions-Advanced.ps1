function Test-CertificateName {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [ValidateSet('IIS', 'SMTP', 'POP', 'IMAP')]
        [string[]]$Service = @('IIS'),

        [ValidateScript({ $_ -gt 0 })]
        [int]$MinimumDays = 14
    )
    begin { $seen = 0 }
    process {
        $seen++
        $match = Get-ExchangeCertificate -DomainName $Name -ErrorAction SilentlyContinue |
            Where-Object { ($_.NotAfter - (Get-Date)).Days -ge $MinimumDays }
        if ($PSCmdlet.ShouldProcess($Name, 'Check certificate')) {
            [bool]$match
        }
    }
    end { Write-Verbose "Checked $seen name(s)" }
}

filter Get-Days { ($_.NotAfter - (Get-Date)).Days }

function Get-Thing($First, $Second = 'default') {
    return "$First/$Second/$($args.Count)"
}

$params = @{ Name = 'mail.contoso.com'; MinimumDays = 30 }
Test-CertificateName @params -Verbose
Get-ExchangeCertificate | Get-Days
Get-Thing 1 2 3 4
& { param($p) "called with $p" } 'x'
. { $dot = 'sourced' }
$sb = { param($n) $n * 2 }
$sb.Invoke(21)
& $sb 4
trap [System.Exception] { Write-Warning "trapped: $_"; continue }
throw "boom"
