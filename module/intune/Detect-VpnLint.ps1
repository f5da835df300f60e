<#
.SYNOPSIS
    Intune Remediations detection script: checks this device's VPN client with the
    VpnLint module and asks for Remediate-VpnLint.ps1 when it can help.
.DESCRIPTION
    Runs Test-VpnClient (services, the NAT-T value and ProhibitIpSec judged against
    the L2TP connections present, the phonebooks and installed Always On VPN
    profiles, run context, OS build). Writes one line (under 2048 characters) that
    the Intune console shows: the counts of errors and warnings and the rule IDs of
    the errors. Exits 1 only when the NAT-T value needs the repair (findings DEV004,
    DEV005), the one thing Remediate-VpnLint.ps1 changes (Repair-L2tpNatT -Value 2);
    other findings are reported but do not start a remediation that could not fix
    them. Exits 0 when the check itself could not run (the line then says why).
    Works in 32-bit Windows PowerShell 5.1, Intune's default host; the module loads
    its win-x86 library there. Deploy the VpnLint module folder to
    %ProgramFiles%\WindowsPowerShell\Modules\VpnLint first.
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
$maxLength = 2000
$remediable = @('DEV004', 'DEV005')

try {
    Import-Module -Name VpnLint -ErrorAction Stop

    $findings = @(Test-VpnClient -ErrorAction SilentlyContinue)
    $errors = @($findings | Where-Object { $_.Severity -eq 'Error' })
    $warnings = @($findings | Where-Object { $_.Severity -eq 'Warning' })
    $natt = @($findings | Where-Object { $remediable -contains $_.RuleId })

    $line = 'VpnLint: {0} error(s), {1} warning(s)' -f $errors.Count, $warnings.Count
    if ($natt.Count -gt 0) {
        $line = $line + '; NAT-T repair needed'
    }
    if ($errors.Count -gt 0) {
        $ids = @($errors | ForEach-Object { '{0}@{1}' -f $_.RuleId, $_.Location })
        $line = $line + ' [' + ($ids -join ',') + ']'
    }
    if ($line.Length -gt $maxLength) {
        $line = $line.Substring(0, $maxLength - 3) + '...'
    }
    Write-Output $line
    if ($natt.Count -gt 0) {
        exit 1
    }
    exit 0
}
catch {
    $message = ($_.Exception.Message -replace '\s+', ' ')
    if ($message.Length -gt $maxLength) {
        $message = $message.Substring(0, $maxLength)
    }
    Write-Output ('VpnLint: check failed: ' + $message)
    exit 0
}
