$password = ConvertTo-SecureString -String 'P@ssw0rd!' -AsPlainText -Force
$target = '\\fs01\backup\certs'
if (!(Test-Path $target)) { New-Item -ItemType Directory -Path $target | Out-Null }

$i = 0
Get-ExchangeCertificate | ? { $_.PrivateKeyExportable } | % {
    $i++
    $file = Join-Path $target ("{0:D2}-{1}.pfx" -f $i, $_.Thumbprint)
    try {
        $pfx = Export-ExchangeCertificate -Thumbprint $_.Thumbprint -BinaryEncoded:$true -Password $password
        Set-Content -Path $file -Value $pfx.FileData -Encoding Byte
        Write-Output "Exported $($_.Subject) to $file"
    } catch {
        Write-Error "Export of $($_.Thumbprint) failed: $_"
    } finally {
        $pfx = $null
    }
}
"$i certificate(s) processed" | Out-File -FilePath "$target\log.txt" -Append
