# Copyright (c) Tgi.Sdk contributors.
# Licensed under the MIT License.

<#
.SYNOPSIS
  Drives Tgi.Sdk: generation, spec diff, build, tests, the Native AOT gate, benchmarks and packing.

.EXAMPLE
  dotnet tool restore
  dotnet pwsh -NoProfile -File ./build.ps1 -Target Build,Test

.PARAMETER Target
  One or more of: Generate, CheckGenerated, SpecDiff, Build, Test, Aot, Bench, Pack, All (comma-separated).
.PARAMETER Upstream
  SpecDiff: the upstream TGI OpenAPI document to compare openapi/tgi.json with.
.PARAMETER Configuration
  Build configuration for Build, Test and Pack (default Release).
#>
[CmdletBinding()]
param(
    [string[]] $Target = @('Build', 'Test'),
    [string] $Upstream = '',
    [string] $Configuration = 'Release',
    [string] $BenchFilter = '*'
)

$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $true
if ([Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }

$Root = $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:TESTINGPLATFORM_TELEMETRY_OPTOUT = '1'
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'
$env:POWERSHELL_UPDATECHECK = 'Off'
# Kiota checks for updates and sends telemetry unless told not to (KIOTA.md).
$env:KIOTA_OFFLINE_ENABLED = 'true'
$env:KIOTA_TUTORIAL_ENABLED = 'false'
$env:Telemetry__OptOut = 'true'
$env:Telemetry__AppInsights__Enabled = 'false'

$Spec = Join-Path $Root 'openapi/tgi.json'
$Deviations = Join-Path $Root 'openapi/deviations.json'
$GeneratedDir = Join-Path $Root 'src/Tgi.Generated'
$Solution = Join-Path $Root 'Tgi.Sdk.sln'

function Write-Step([string] $text) { Write-Host "==> $text" }

function Invoke-Generate {
    Write-Step "Generate: Kiota from openapi/tgi.json into src/Tgi.Generated"
    # Kiota's --clean-output would delete the project file too: clear everything else by hand.
    Get-ChildItem -LiteralPath $GeneratedDir -Force |
        Where-Object { $_.Name -notin @('Tgi.Generated.csproj', 'bin', 'obj') } |
        Remove-Item -Recurse -Force
    Push-Location $Root
    try {
        dotnet kiota generate `
            --language CSharp `
            --openapi openapi/tgi.json `
            --output src/Tgi.Generated `
            --class-name TgiRawClient `
            --namespace-name Tgi.Generated `
            --exclude-backward-compatible `
            --serializer Microsoft.Kiota.Serialization.Json.JsonSerializationWriterFactory `
            --serializer Microsoft.Kiota.Serialization.Text.TextSerializationWriterFactory `
            --deserializer Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory `
            --deserializer Microsoft.Kiota.Serialization.Text.TextParseNodeFactory `
            --log-level Warning
        # Kiota also writes its warnings to .kiota.log; their set differs between runs (KIOTA.md),
        # so the log would make CheckGenerated fail at random: it is not part of the output.
        Remove-Item -LiteralPath (Join-Path $GeneratedDir '.kiota.log') -Force -ErrorAction SilentlyContinue
    }
    finally { Pop-Location }
}

function Invoke-CheckGenerated {
    Invoke-Generate
    Write-Step "CheckGenerated: src/Tgi.Generated must match what Kiota writes from openapi/tgi.json"
    Push-Location $Root
    try {
        # Untracked files count as drift too: add them to the index view with intent-to-add first.
        git add --intent-to-add -- src/Tgi.Generated
        git diff --exit-code --stat -- src/Tgi.Generated
        if ($LASTEXITCODE -ne 0) { throw "Generated code drifted from openapi/tgi.json: run build.ps1 -Target Generate and commit." }
    }
    finally { Pop-Location }
}

function Invoke-SpecDiff {
    if (-not $Upstream) { throw "SpecDiff needs -Upstream <upstream TGI OpenAPI file>." }
    Write-Step "SpecDiff: $Upstream against openapi/tgi.json"
    dotnet run --project (Join-Path $Root 'tools/Tgi.SpecDiff') -c $Configuration -- `
        --upstream $Upstream --ours $Spec --deviations $Deviations
}

function Invoke-Build {
    Write-Step "Build: $Configuration, warnings are errors"
    dotnet build $Solution -c $Configuration -warnaserror
}

function Invoke-Test {
    Write-Step "Test: every TUnit project (dotnet test)"
    dotnet test --solution $Solution -c $Configuration --no-build
}

function Invoke-Aot {
    Write-Step "Aot: Native AOT publish of tools/Tgi.AotSmoke (any IL2xxx/IL3xxx warning fails)"
    $out = Join-Path $Root 'artifacts/aot'
    $log = Join-Path $Root 'artifacts/aot-publish.log'
    New-Item -ItemType Directory -Force -Path (Split-Path $log) | Out-Null
    # The publish output is kept in a log, so trimmer warnings can be counted even if a future
    # setting stops treating them as errors.
    dotnet publish (Join-Path $Root 'tools/Tgi.AotSmoke/Tgi.AotSmoke.csproj') -c Release -r linux-x64 -o $out 2>&1 |
        Tee-Object -FilePath $log | Out-Host
    $warnings = Select-String -Path $log -Pattern 'warning IL[23]\d{3}' -AllMatches
    if ($warnings) { throw "Native AOT publish produced $($warnings.Count) trim/AOT warning(s)." }
    $binary = Join-Path $out 'Tgi.AotSmoke'
    $size = (Get-Item $binary).Length
    Write-Step ("Aot: binary {0:N2} MB; running it against the emulator on loopback" -f ($size / 1MB))
    & $binary
    if ($LASTEXITCODE -ne 0) { throw "The native AOT smoke app failed (exit $LASTEXITCODE)." }
}

function Invoke-Bench {
    Write-Step "Bench: BenchmarkDotNet (filter '$BenchFilter')"
    dotnet run --project (Join-Path $Root 'benchmarks/Tgi.Sdk.Benchmarks') -c Release -- --filter $BenchFilter
}

function Invoke-Pack {
    Write-Step "Pack: NuGet packages into artifacts/packages"
    dotnet pack $Solution -c $Configuration -o (Join-Path $Root 'artifacts/packages')
}

# With -File, "-Target Build,Test" arrives as one string (KIOTA.md): split on commas.
$targets = @($Target | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
if ($targets -contains 'All') { $targets = @('CheckGenerated', 'Build', 'Test', 'Aot') }

foreach ($t in $targets) {
    switch ($t) {
        'Generate' { Invoke-Generate }
        'CheckGenerated' { Invoke-CheckGenerated }
        'SpecDiff' { Invoke-SpecDiff }
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Aot' { Invoke-Aot }
        'Bench' { Invoke-Bench }
        'Pack' { Invoke-Pack }
        default { throw "Unknown target '$t'. Use Generate, CheckGenerated, SpecDiff, Build, Test, Aot, Bench, Pack or All." }
    }
}
