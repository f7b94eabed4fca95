$csv = Import-Csv -Path 'C:\input\servers.csv' -Delimiter ';'
$results = New-Object System.Collections.ArrayList
foreach ($row in $csv) {
    $server = $row.Server.Trim()
    if ([string]::IsNullOrEmpty($server)) { continue }
    $bytes = [System.IO.File]::ReadAllBytes("C:\input\$($row.File)")
    $cert = Import-ExchangeCertificate -Server $server -FileData $bytes -Password (ConvertTo-SecureString $row.Password -AsPlainText -Force) -PrivateKeyExportable:$true
    [void]$results.Add([pscustomobject]@{ Server = $server; Thumbprint = $cert.Thumbprint })
    Enable-ExchangeCertificate -Server $server -Thumbprint $cert.Thumbprint -Services 'IIS, SMTP' -Force -DoNotRequireSsl
}
$results | ConvertTo-Json -Depth 3 | Set-Content -Path C:\output\imported.json
$old = [Byte[]]$(Get-Content -Path C:\input\old.cer -Encoding Byte -ReadCount 0)
Get-ChildItem -Path C:\input -Filter *.pfx -Recurse | Remove-Item -WhatIf
Get-Content C:\input\names.txt | Where-Object { $_ -match '^\s*[^#]' } | ForEach-Object { $_.Trim() } 2>&1 > C:\output\names.log
Copy-Item -Path "C:\input\*.cer" -Destination C:\archive\ -Force *>$null
