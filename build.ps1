<#
.SYNOPSIS
    Native Windows build of vpnlint (MSVC or clang-cl through CMake, dependencies from vcpkg.json).
.DESCRIPTION
    -Task Build    configure and build vpnlint.dll, vpnlint.exe and the tests for each -Arch
    -Task Test     Build, then run the cmocka suite with ctest
    -Task Package  Build, then assemble the PowerShell module folder (module/ owns that step)
    Dependencies are static (triplet <arch>-windows-static) and the CRT is linked statically, so
    vpnlint.dll imports only Windows system DLLs. Works in Windows PowerShell 5.1 and pwsh.
    The Linux cross build (scripts/test.d/50-windows.sh, mingw + wine) is the one CI runs on
    every change; this script is for Windows machines and the Windows runner.
.EXAMPLE
    ./build.ps1 -Task Test -Arch x64
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')] [string] $Task = 'Build',
    [ValidateSet('x64', 'x86', 'arm64')] [string[]] $Arch = @('x64', 'x86', 'arm64'),
    [ValidateSet('msvc', 'clang-cl')] [string] $Compiler = 'msvc',
    [string] $Config = 'Release',
    [string] $VcpkgRoot = $(if ($env:VCPKG_ROOT) { $env:VCPKG_ROOT } else { $env:VCPKG_INSTALLATION_ROOT })
)
Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot

function Invoke-Checked([string] $exe, [string[]] $argList) {
    Write-Host "> $exe $($argList -join ' ')"
    & $exe @argList
    if ($LASTEXITCODE -ne 0) { throw "$exe failed with exit code $LASTEXITCODE" }
}

if (-not $VcpkgRoot -or -not (Test-Path (Join-Path $VcpkgRoot 'scripts/buildsystems/vcpkg.cmake'))) {
    throw 'vcpkg not found: set VCPKG_ROOT (or pass -VcpkgRoot) to a vcpkg checkout'
}
$toolchain = Join-Path $VcpkgRoot 'scripts/buildsystems/vcpkg.cmake'
# Visual Studio generator platform names per architecture.
$platform = @{ x64 = 'x64'; x86 = 'Win32'; arm64 = 'ARM64' }

foreach ($a in $Arch) {
    $build = Join-Path $root "build/windows-msvc-$a"
    $configure = @('-S', $root, '-B', $build, '-A', $platform[$a],
        "-DCMAKE_TOOLCHAIN_FILE=$toolchain", "-DVCPKG_TARGET_TRIPLET=$a-windows-static",
        '-DCMAKE_MSVC_RUNTIME_LIBRARY=MultiThreaded$<$<CONFIG:Debug>:Debug>')
    if ($Compiler -eq 'clang-cl') { $configure += @('-T', 'ClangCL') }
    Invoke-Checked cmake $configure
    Invoke-Checked cmake @('--build', $build, '--config', $Config, '--parallel')
    if ($Task -eq 'Test') {
        if ($a -eq 'arm64' -and $env:PROCESSOR_ARCHITECTURE -ne 'ARM64') {
            Write-Warning 'arm64: built, tests not run (needs an arm64 machine)'
        } else {
            Invoke-Checked ctest @('--test-dir', $build, '-C', $Config, '--output-on-failure')
        }
    }
    Write-Host "vpnlint.dll for ${a}: $(Join-Path $build "native/$Config/vpnlint.dll")"
}

if ($Task -eq 'Package') {
    # The module folder (VpnLint/, runtimes/win-<arch>/native/vpnlint.dll) is assembled by the
    # module's own build entry, as on Linux.
    $moduleBuild = Join-Path $root 'module/build.ps1'
    if (-not (Test-Path $moduleBuild)) { throw "module build entry not found: $moduleBuild" }
    $native = @{}
    foreach ($a in $Arch) { $native["win-$a"] = Join-Path $root "build/windows-msvc-$a/native/$Config/vpnlint.dll" }
    & $moduleBuild -NativeLibraries $native
    if ($LASTEXITCODE) { throw "module build failed with exit code $LASTEXITCODE" }
}
