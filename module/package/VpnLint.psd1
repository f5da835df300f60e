@{
    RootModule           = 'VpnLint.Commands.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0e4f5a-3d8c-4b7e-9a51-2c7d1e8b4a90'
    Author               = 'vpnlint contributors'
    CompanyName          = 'vpnlint'
    Copyright            = '(c) vpnlint contributors. All rights reserved.'
    Description          = 'Lints Windows Always On VPN ProfileXML and rasphone.pbk phonebooks. A thin PowerShell layer over the native vpnlint library: every check runs once, in C.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    RequiredAssemblies   = @('VpnLint.Core.dll')
    FormatsToProcess     = @('VpnLint.format.ps1xml')
    CmdletsToExport      = @(
        'ConvertTo-VpnLintSarif'
        'Get-NpsLogEntry'
        'Get-RasPhonebookEntry'
        'Get-VpnErrorInfo'
        'Get-VpnLintRule'
        'Repair-L2tpNatT'
        'Restore-RasPhonebook'
        'Set-RasPhonebookEntry'
        'Test-RasPhonebook'
        'Test-VpnClient'
        'Test-VpnProfile'
        'Test-VpnServer'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('VPN', 'AlwaysOnVPN', 'AOVPN', 'ProfileXML', 'rasphone', 'Intune', 'Lint', 'SARIF', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux')
            # LicenseUri and ProjectUri: set to the public repository's addresses before publishing.
            # LicenseUri = ''
            # ProjectUri = ''
            ReleaseNotes = 'First release: Test-VpnProfile, Test-RasPhonebook, Test-VpnClient, Test-VpnServer, Get-VpnLintRule, Get-VpnErrorInfo, ConvertTo-VpnLintSarif, Get-RasPhonebookEntry, Set-RasPhonebookEntry, Restore-RasPhonebook, Get-NpsLogEntry, Repair-L2tpNatT.'
        }
    }
}
