$auth = Get-AuthConfig
$current = Get-ExchangeCertificate -Thumbprint $auth.CurrentCertificateThumbprint -ErrorAction SilentlyContinue
if (-not $current -or $current.NotAfter -lt (Get-Date).AddDays(60)) {
    $new = New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true `
        -SubjectName "cn=Microsoft Exchange Server Auth Certificate" `
        -FriendlyName "Microsoft Exchange Server Auth Certificate" -DomainName @() -Force
    Set-AuthConfig -NewCertificateThumbprint $new.Thumbprint `
                   -NewCertificateEffectiveDate (Get-Date).AddHours(49) -Force
    Set-AuthConfig -PublishCertificate
    Set-AuthConfig -ClearPreviousCertificate
}
(Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate | fl Subject,Thumbprint,NotAfter,NotBefore
$c = Get-ExchangeCertificate -Thumbprint $auth.CurrentCertificateThumbprint
$n = "<I>$($c.Issuer)<S>$($c.Subject)"
Set-SendConnector "Outbound to Office 365" -TlsCertificateName $n
Get-ExchangeServer | ForEach-Object { Get-ExchangeCertificate -Server $_.Name -Thumbprint $c.Thumbprint -ErrorAction SilentlyContinue | Select-Object Identity,Services,NotAfter }
