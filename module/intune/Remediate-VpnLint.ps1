<#
.SYNOPSIS
    Intune Remediations remediation script: sets the L2TP/IPsec NAT-T value with the
    VpnLint module when Detect-VpnLint.ps1 found that the L2TP connections need it.
.DESCRIPTION
    Runs Repair-L2tpNatT -Value 2 (server and/or client behind NAT), which writes
    HKLM\SYSTEM\CurrentControlSet\Services\PolicyAgent\AssumeUDPEncapsulationContextOnSendRule
    only when it is not 2 already and records the old value in a journal under
    %ProgramData%\vpnlint\journal (Repair-L2tpNatT -Undo JOURNAL puts it back).
    Writes one line (under 2048 characters) for the Intune console: the old and new
    value, whether Windows needs a restart, and the journal path. Exits 0 when the
    value is right afterwards, 1 when the repair failed (Intune reports the
    remediation as failed). Intune runs it as SYSTEM, which the repair needs; it
    works in 32-bit Windows PowerShell 5.1, Intune's default host (the SYSTEM hive
    is not redirected for 32-bit processes).
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
$maxLength = 2000

try {
    Import-Module -Name VpnLint -ErrorAction Stop

    $result = Repair-L2tpNatT -Value 2 -Confirm:$false
    if ($null -eq $result.Previous) {
        $previous = 'absent'
    }
    else {
        $previous = [string]$result.Previous
    }
    if ($result.Changed) {
        $line = 'VpnLint: NAT-T {0} -> {1}; reboot required; journal {2}' -f $previous, $result.Current, $result.JournalPath
    }
    else {
        $line = 'VpnLint: NAT-T already {0}; nothing changed' -f $result.Current
    }
    if ($line.Length -gt $maxLength) {
        $line = $line.Substring(0, $maxLength - 3) + '...'
    }
    Write-Output $line
    if ($result.Current -eq 2) {
        exit 0
    }
    exit 1
}
catch {
    $message = ($_.Exception.Message -replace '\s+', ' ')
    if ($message.Length -gt $maxLength) {
        $message = $message.Substring(0, $maxLength)
    }
    Write-Output ('VpnLint: NAT-T repair failed: ' + $message)
    exit 1
}
