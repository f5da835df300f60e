<#
.SYNOPSIS
    Intune Remediations detection script: lints this device's Always On VPN profiles and
    the all-users phonebook with the VpnLint module.
.DESCRIPTION
    Writes one line (under 2048 characters) that the Intune console shows, and exits 1
    only when there are error findings, so that the remediation script runs. Exits 0
    when the device is clean, has only warnings, or the check itself could not run
    (the line then says why; a remediation could not help).
    Works in 32-bit Windows PowerShell 5.1, Intune's default host; the module loads its
    win-x86 library there. Deploy the VpnLint module folder to
    %ProgramFiles%\WindowsPowerShell\Modules\VpnLint first.
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
$maxLength = 2000

try {
    Import-Module -Name VpnLint -ErrorAction Stop

    $findings = @()
    $profiles = @(Get-CimInstance -Namespace 'root\cimv2\mdm\dmmap' -ClassName 'MDM_VPNv2_01' -ErrorAction SilentlyContinue)
    if ($profiles.Count -gt 0) {
        $findings += @($profiles | Test-VpnProfile -ErrorAction SilentlyContinue)
    }
    $phonebook = Join-Path -Path $env:ProgramData -ChildPath 'Microsoft\Network\Connections\Pbk\rasphone.pbk'
    if (Test-Path -LiteralPath $phonebook) {
        $findings += @(Test-RasPhonebook -LiteralPath $phonebook -ErrorAction SilentlyContinue)
    }

    $errors = @($findings | Where-Object { $_.Severity -eq 'Error' })
    $warnings = @($findings | Where-Object { $_.Severity -eq 'Warning' })
    $line = 'VpnLint: {0} profile(s), {1} error(s), {2} warning(s)' -f $profiles.Count, $errors.Count, $warnings.Count
    if ($errors.Count -gt 0) {
        $ids = @($errors | ForEach-Object { '{0}@{1}' -f $_.RuleId, $_.Location })
        $line = $line + ' [' + ($ids -join ',') + ']'
    }
    if ($line.Length -gt $maxLength) {
        $line = $line.Substring(0, $maxLength - 3) + '...'
    }
    Write-Output $line
    if ($errors.Count -gt 0) {
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
