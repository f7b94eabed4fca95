$names = 'mail', 'autodiscover', 'owa'
$domain = "contoso.com"
$fqdns = for ($i = 0; $i -lt $names.Count; $i++) { '{0}.{1}' -f $names[$i], $domain }
$all = $fqdns -join ','
$j = 10
while ($j -gt 0) { $j -= 3 }
do { $j++ } until ($j -ge 5)
do { $j-- } while ($j -gt 0)
:outer foreach ($a in 1..3) {
    foreach ($b in 1..3) {
        if ($a * $b -eq 4) { break outer }
        if ($b -eq 2) { continue }
    }
}
$here = @"
Subject: CN=mail.$domain
Names:   $all
Count:   $($fqdns.Count)
"@
$literal = @'
No $expansion here, `n stays literal.
'@
$x = "Tab`tNewline`nQuote`"Dollar`$"
$y = 'single ''quoted'''
$z = “curly double” + ‘curly single’ + "mixed ends”
$bits = 0x1F -band 0x0F -bor 0x30
$size = 1.5GB / 1MB
$range = (1..10)[2..4]
$last = $range[-1]
$neg = -$last
$sub = $all.Substring(0, 4).ToUpper().Replace('M', 'W')
$cmp = 'ABC' -ceq 'abc' -or 'abc' -ieq 'ABC' -and -not ('x' -in 'a','b')
$split = 'a;b;;c' -split ';' | Where-Object { $_ }
$rep = 'mail.contoso.com' -replace '^mail', 'smtp'
$type = 42 -is [int]
$as = '42' -as [int]
$arr = @(); $arr += 1; $arr += @(2, 3)
$h = @{}; $h.Add('k', 'v'); $h['k2'] = 'v2'; $h.Remove('k')
[string[]]$list = 1, 2, 3
[datetime]$when = '2025-06-01'
$null = $list.Length
$when.ToString('dddd, MMMM dd yyyy') | Write-Output
