$summary = @{}
$counter = [ordered]@{ Valid = 0; Expired = 0; Other = 0 }
foreach ($c in (Get-ExchangeCertificate)) {
    switch ($c.Status) {
        'Valid'       { $counter.Valid++; break }
        'DateInvalid' { $counter.Expired += 1 }
        { $_ -like 'Pending*' } { Write-Host "pending: $($c.Thumbprint)" }
        default       { $counter['Other'] = $counter['Other'] + 1 }
    }
    switch -Regex ($c.Subject) {
        '^CN=(?<host>[^,]+)' { $summary[$Matches.host] = $c.NotAfter }
    }
    switch -Wildcard ($c.FriendlyName) {
        'Microsoft*' { 'built-in' }
        '*2025*'     { 'purchased' }
    }
}
$counter.GetEnumerator() | Sort-Object Name | Format-Table -AutoSize
$summary.Keys | ForEach-Object -Begin { $n = 0 } -Process { $n++ } -End { "$n host names" }
