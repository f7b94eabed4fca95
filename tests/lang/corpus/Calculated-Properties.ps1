Get-ExchangeCertificate |
    Select-Object @{Name = 'Host'; Expression = { $_.Subject -replace '^CN=', '' }},
                  @{n='Expires';e={$_.NotAfter.ToString('yyyy-MM-dd')}},
                  @{ Label = "Days"; Expression = { [int]($_.NotAfter - [DateTime]::Now).TotalDays } },
                  Thumbprint |
    Sort-Object -Property @{Expression = 'Days'; Descending = $true}, Host |
    Format-Table -AutoSize -Wrap

Get-ExchangeCertificate | Group-Object { $_.NotAfter.Year } | Sort-Object Name |
    ForEach-Object { "{0,-6} {1,3}" -f $_.Name, $_.Count }

$stats = Get-ExchangeCertificate | Measure-Object -Property PublicKeySize -Average -Maximum -Minimum
"Average key size: {0:N0}" -f $stats.Average
Get-ExchangeCertificate | Format-List FriendlyName, Subject, CertificateDomains, Thumbprint, NotBefore, NotAfter
Get-ExchangeCertificate | ft -a FriendlyName, *PrivateKey*
Get-ExchangeCertificate | Select -ExpandProperty CertificateDomains | Select -Unique
