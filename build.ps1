# Copyright (c) Tgi.Sdk contributors.
# Licensed under the MIT License.

<#
.SYNOPSIS
  Drives Tgi.Sdk: generation, spec diff, build, tests, the Native AOT gate, benchmarks and packing.

.EXAMPLE
  dotnet tool restore
  dotnet pwsh -NoProfile -File ./build.ps1 -Target Build,Test

.PARAMETER Target
  One or more of: Generate, CheckGenerated, SpecDiff, Build, Test, Aot, Cli, Bench, Pack, Snippets, Fuzz, Docs, All (comma-separated).
.PARAMETER Quick
  Bench: run every benchmark once, as a smoke test.
.PARAMETER Upstream
  SpecDiff: the upstream TGI OpenAPI document to compare openapi/tgi.json with.
.PARAMETER FuzzSeconds
  Fuzz: the whole fuzz budget in seconds (default 900; the test suite runs 60).
.PARAMETER FuzzSeed
  Fuzz: replay a run from the seed a failure printed.
.PARAMETER Configuration
  Build configuration for Build, Test, Pack and Docs (default Release).
#>
[CmdletBinding()]
param(
    [string[]] $Target = @('Build', 'Test'),
    [string] $Upstream = '',
    [string] $Configuration = 'Release',
    [string] $BenchFilter = '*',
    [int] $FuzzSeconds = 900,
    [string] $FuzzSeed = '',
    [switch] $Quick
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

function Invoke-Fuzz {
    # The parser fuzz tests (tests/Tgi.Sdk.Tests/Fuzz) with a longer budget than the one the test suite runs.
    Write-Step "Fuzz: every route's parser for $FuzzSeconds s in all"
    $report = Join-Path $Root 'artifacts/fuzz-report.txt'
    New-Item -ItemType Directory -Force -Path (Split-Path $report) | Out-Null
    Remove-Item -ErrorAction Ignore $report
    $env:TGI_FUZZ_SECONDS = "$FuzzSeconds"
    $env:TGI_FUZZ_REPORT = $report
    if ($FuzzSeed) { $env:TGI_FUZZ_SEED = $FuzzSeed }
    try {
        dotnet test --project (Join-Path $Root 'tests/Tgi.Sdk.Tests/Tgi.Sdk.Tests.csproj') -c $Configuration -- --treenode-filter '/*/Tgi.Sdk.Tests.Fuzz/*/*' --timeout "$([Math]::Max(600, 3 * $FuzzSeconds))s"
    }
    finally {
        Remove-Item Env:TGI_FUZZ_SECONDS, Env:TGI_FUZZ_REPORT, Env:TGI_FUZZ_SEED -ErrorAction Ignore
    }
    Get-Content $report | Out-Host
}

function Invoke-Bench {
    # -Quick runs every benchmark once, in process: a smoke test that CI runs so the suite keeps compiling and
    # running (about 2 minutes); its times mean nothing and nothing asserts on them. Without it: the full run,
    # whose report lands in BenchmarkDotNet.Artifacts/results/tgi-bench-report.md (docs/benchmarks.md explains it).
    $kind = if ($Quick) { 'quick smoke run' } else { 'full run' }
    Write-Step "Bench: $kind (filter '$BenchFilter')"
    # Built up as an array: an `if` expression would unroll a one-element array to a string, and splatting that passes nothing.
    $quickArg = @()
    if ($Quick) { $quickArg += '--quick' }
    # The suite exits non-zero when any benchmark failed (BenchmarkDotNet itself would report NA and exit 0).
    # The filter stays in double quotes: on Unix, PowerShell globs an unquoted '*' (splatted ones too) into file names.
    dotnet run --project (Join-Path $Root 'benchmarks/Tgi.Sdk.Benchmarks') -c Release -- --filter "$BenchFilter" @quickArg
}

function Invoke-Snippets {
    # The documentation's C# blocks quote samples/ (tests/Tgi.Sdk.Samples.Tests checks it on every test run): rewrite
    # every marked block from the samples after changing one.
    Write-Step "Snippets: rewrite the documentation's quoted blocks from samples/"
    $env:TGI_UPDATE_SNIPPETS = '1'
    try {
        dotnet test --project (Join-Path $Root 'tests/Tgi.Sdk.Samples.Tests') -- --treenode-filter '/*/*/DocumentationSnippetTests/*'
    }
    finally { Remove-Item Env:TGI_UPDATE_SNIPPETS -ErrorAction SilentlyContinue }
}

function Invoke-Docs {
    # The documentation site (docs/) with docfx, pinned in the local tool manifest. The API reference comes from the
    # built assemblies and their XML docs, taken from tests/Tgi.Sdk.Samples.Tests' output: building that project compiles
    # every sample the articles quote, and its output holds the four shipped libraries with every dependency docfx needs
    # to resolve their types. After Build (same configuration) that build is incremental, so the cost is docfx's own.
    # --warningsAsErrors: a broken link, a missing bookmark or an unresolved cross-reference fails the target.
    Write-Step "Docs: docfx site into artifacts/docs/site ($Configuration assemblies; any docfx warning fails)"
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    dotnet build (Join-Path $Root 'tests/Tgi.Sdk.Samples.Tests/Tgi.Sdk.Samples.Tests.csproj') -c $Configuration -warnaserror
    $bin = Join-Path $Root "tests/Tgi.Sdk.Samples.Tests/bin/$Configuration/net10.0"
    $assemblies = Join-Path $Root 'artifacts/docs/input'
    Remove-Item -LiteralPath $assemblies -Recurse -Force -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force -Path $assemblies | Out-Null
    Copy-Item -Path (Join-Path $bin '*.dll') -Destination $assemblies
    Copy-Item -Path (Join-Path $bin 'Tgi.*.xml') -Destination $assemblies
    $docs = Join-Path $Root 'docs'
    # docfx metadata writes docs/api/*.yml (git-ignored); stale pages of removed types must not survive.
    Get-ChildItem -LiteralPath (Join-Path $docs 'api') -Filter '*.yml' | Remove-Item -Force
    Remove-Item -LiteralPath (Join-Path $docs 'api/.manifest') -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath (Join-Path $Root 'artifacts/docs/site') -Recurse -Force -ErrorAction SilentlyContinue
    Push-Location $docs
    try {
        dotnet docfx metadata docfx.json --warningsAsErrors
        dotnet docfx build docfx.json --warningsAsErrors
    }
    finally { Pop-Location }
    Write-Step ("Docs: site built in {0:N0} s: artifacts/docs/site/index.html" -f $watch.Elapsed.TotalSeconds)
}

function Invoke-Pack {
    Write-Step "Pack: NuGet packages into artifacts/packages"
    dotnet pack $Solution -c $Configuration -o (Join-Path $Root 'artifacts/packages')
}

function Invoke-CliGate {
    # The `tgi` tool as users get it: published with Native AOT (zero IL2xxx/IL3xxx warnings), then the NATIVE binary
    # runs the demo, drives a standalone emulator (each command's output and exit code is checked), a short bench,
    # the error exits (422, unreachable server), and its startup time is measured.
    Write-Step "Cli: Native AOT publish of src/Tgi.Cli into artifacts/cli (any IL2xxx/IL3xxx warning fails)"
    $out = Join-Path $Root 'artifacts/cli'
    $log = Join-Path $Root 'artifacts/cli-publish.log'
    New-Item -ItemType Directory -Force -Path (Split-Path $log) | Out-Null
    dotnet publish (Join-Path $Root 'src/Tgi.Cli/Tgi.Cli.csproj') -c Release -r linux-x64 -o $out 2>&1 |
        Tee-Object -FilePath $log | Out-Host
    $warnings = Select-String -Path $log -Pattern 'warning IL[23]\d{3}' -AllMatches
    if ($warnings) { throw "Native AOT publish of tgi produced $($warnings.Count) trim/AOT warning(s)." }
    $tgi = Join-Path $out 'tgi'
    Write-Step ("Cli: native binary {0:N2} MB ({1:N0} bytes)" -f ((Get-Item $tgi).Length / 1MB), (Get-Item $tgi).Length)

    $errFile = Join-Path $Root 'artifacts/cli-stderr.txt'
    # Runs the native tgi; a non-zero exit is data here, not a failure of the script.
    function Invoke-Tgi([string[]] $Arguments) {
        $PSNativeCommandUseErrorActionPreference = $false
        $stdout = & $tgi @Arguments 2> $errFile
        [pscustomobject]@{
            Code = $LASTEXITCODE
            Out  = (@($stdout) -join "`n")
            Err  = (Get-Content -LiteralPath $errFile -Raw -ErrorAction SilentlyContinue) ?? ''
        }
    }
    function Assert-Tgi([string] $Name, [bool] $Condition, $Result) {
        if (-not $Condition) {
            throw "Cli check '$Name' failed (exit $($Result.Code)).`nstdout:`n$($Result.Out)`nstderr:`n$($Result.Err)"
        }
        Write-Host "    ok: $Name"
    }
    function Get-FreePort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }
    function Get-MedianMs([scriptblock] $Action) {
        $times = foreach ($i in 1..7) {
            $watch = [System.Diagnostics.Stopwatch]::StartNew(); & $Action | Out-Null; $watch.Stop()
            $watch.Elapsed.TotalMilliseconds
        }
        ($times | Sort-Object)[3]
    }

    Write-Step "Cli: tgi demo (embedded emulator)"
    $r = Invoke-Tgi @('demo')
    Assert-Tgi 'demo exits 0' ($r.Code -eq 0) $r
    Assert-Tgi 'demo says the server is the emulator' ($r.Out -match 'NOT a real model') $r
    foreach ($section in '== 1/4 Streamed generate', '== 2/4 Streamed chat', '== 3/4 Tool call', '== 4/4 JSON-schema-constrained answer') {
        Assert-Tgi "demo section '$section'" ($r.Out.Contains($section)) $r
    }
    Assert-Tgi 'demo prints the tool call' ($r.Out -match 'tool call: get_current_weather \{"location":') $r
    Assert-Tgi 'demo JSON answer is valid' ($r.Out -match 'valid JSON with the required fields: yes') $r

    $port = Get-FreePort
    $url = "http://127.0.0.1:$port"
    $emulatorLog = Join-Path $Root 'artifacts/cli-emulator.log'
    Write-Step "Cli: tgi emulator --port $port (background), then every client command against it"
    # A small time to first token and a pace make the bench's latencies measurable.
    $emulator = Start-Process -FilePath $tgi -PassThru -RedirectStandardOutput $emulatorLog -RedirectStandardError "$emulatorLog.err" `
        -ArgumentList @('emulator', '--port', "$port", '--time-to-first-token', '20', '--tokens-per-second', '400')
    $emulatorPid = $emulator.Id
    try {
        $deadline = [DateTime]::UtcNow.AddSeconds(15)
        do {
            Start-Sleep -Milliseconds 100
            $r = Invoke-Tgi @('health', '--url', $url)
        } while ($r.Code -ne 0 -and [DateTime]::UtcNow -lt $deadline)
        Assert-Tgi 'health exits 0 on a healthy server' ($r.Code -eq 0 -and $r.Out -match '^healthy') $r

        $r = Invoke-Tgi @('generate', 'Hello', '--max-new-tokens', '16', '--details', '--url', $url)
        Assert-Tgi 'generate streams text with details' ($r.Code -eq 0 -and $r.Out -match 'finish_reason: \w+' -and $r.Out -match 'generated_tokens: \d+') $r

        $r = Invoke-Tgi @('chat', 'Hello', '--system', 'Be brief.', '--url', $url)
        Assert-Tgi 'chat streams an answer' ($r.Code -eq 0 -and $r.Out.Trim().Length -gt 0) $r

        $r = Invoke-Tgi @('info', '--url', $url)
        Assert-Tgi 'info shows the model' ($r.Code -eq 0 -and $r.Out -match 'tgi-emulator/tiny-llama' -and $r.Out -match 'max_total_tokens') $r
        # stdout is redirected here, so the introspection commands print plain lines, not box tables.
        Assert-Tgi 'info prints plain lines when redirected' ($r.Out -match '(?m)^max_total_tokens: \d+$' -and $r.Out -notmatch '[\u2500-\u257F]') $r
        foreach ($introspection in @(@('info'), @('models'), @('tokenize', 'Hello world'), @('health'), @('metrics'))) {
            $r = Invoke-Tgi (@($introspection) + @('-o', 'json', '--url', $url))
            $parsed = $null
            try { $parsed = $r.Out | ConvertFrom-Json -NoEnumerate } catch { $parsed = $null }
            Assert-Tgi "$($introspection[0]) -o json prints one JSON document" ($r.Code -eq 0 -and $null -ne $parsed) $r
        }

        $r = Invoke-Tgi @('models', '--url', $url)
        Assert-Tgi 'models lists the model' ($r.Code -eq 0 -and $r.Out -match 'tgi-emulator/tiny-llama') $r

        $r = Invoke-Tgi @('tokenize', 'Hello world', '--url', $url)
        Assert-Tgi 'tokenize shows the tokens' ($r.Code -eq 0 -and $r.Out.Contains('" world"') -and $r.Out -match '\d+ tokens') $r

        $r = Invoke-Tgi @('metrics', '--url', $url)
        Assert-Tgi 'metrics shows TGI counters' ($r.Code -eq 0 -and $r.Out -match 'tgi_request_') $r

        $r = Invoke-Tgi @('bench', '--concurrency', '4', '--requests', '20', '--json', '-', '--url', $url)
        Assert-Tgi 'bench exits 0' ($r.Code -eq 0) $r
        $bench = $r.Out | ConvertFrom-Json
        Assert-Tgi 'bench ran 20 requests' ($bench.requests.succeeded -eq 20 -and $bench.requests.failed -eq 0) $r
        Assert-Tgi 'bench JSON has rps, TTFT p50/p90/p99, ITL p50/p99, tokens/s, errors' (
            $bench.requests_per_second -gt 0 -and
            $bench.time_to_first_token_ms.p50 -gt 0 -and $null -ne $bench.time_to_first_token_ms.p90 -and $null -ne $bench.time_to_first_token_ms.p99 -and
            $null -ne $bench.inter_token_latency_ms.p50 -and $null -ne $bench.inter_token_latency_ms.p99 -and
            $bench.tokens_per_second.overall -gt 0 -and $bench.tokens_per_second.per_stream -gt 0 -and
            $null -ne $bench.errors) $r
        Assert-Tgi 'bench showed progress and the table on stderr' ($r.Err -match 'requests done' -and $r.Err -match 'time to first token') $r
        Assert-Tgi 'bench JSON has mean/min/max, a latency histogram and status codes' (
            $null -ne $bench.latency_ms.mean -and $null -ne $bench.latency_ms.min -and $null -ne $bench.latency_ms.max -and
            @($bench.latency_histogram_ms).Count -ge 1 -and $bench.status_codes.'200' -eq 20) $r
        $live = [regex]::Matches($r.Err, '(\d+) tokens \(') | Select-Object -Last 1
        Assert-Tgi 'bench live token count equals the report' ($null -ne $live -and [long]$live.Groups[1].Value -eq $bench.tokens) $r

        # The server's limit on stop sequences (4 by default) is a setting the CLI cannot know: TGI's 422 arrives
        # in-band on the stream, and as an HTTP 422 from /generate. Both exit 1 with the TGI error.
        $fiveStops = @('--stop', 'a', '--stop', 'b', '--stop', 'c', '--stop', 'd', '--stop', 'e')
        $r = Invoke-Tgi (@('generate', 'x') + $fiveStops + @('--url', $url))
        Assert-Tgi 'a 422 in a stream exits 1 with the TGI error' ($r.Code -eq 1 -and $r.Err -match 'error: validation: Input validation error: .stop. supports up to 4 stop sequences') $r
        $r = Invoke-Tgi (@('generate', 'x', '--no-stream') + $fiveStops + @('--url', $url))
        Assert-Tgi 'an HTTP 422 exits 1 with the TGI error' ($r.Code -eq 1 -and $r.Err -match 'error: validation: .*stop sequences') $r

        # Values TGI always rejects are refused before sending: exit 2, naming the option.
        $r = Invoke-Tgi @('generate', 'x', '--top-k', '0', '--url', $url)
        Assert-Tgi 'top_k 0 is refused before sending (exit 2)' ($r.Code -eq 2 -and $r.Err -match '--top-k must be at least 1') $r
        $r = Invoke-Tgi @('generate', 'x', '--no-stream', '--temperature', '0', '--url', $url)
        Assert-Tgi 'temperature 0 is refused before sending (exit 2)' ($r.Code -eq 2 -and $r.Err -match '--temperature must be greater than 0') $r
        $r = Invoke-Tgi @('generate', 'x', '--max-new-tokens', 'abc', '--url', $url)
        Assert-Tgi 'a bad number is said in plain words (exit 2)' ($r.Code -eq 2 -and $r.Err -match 'must be a whole number' -and $r.Err -notmatch 'System\.') $r

        $r = Invoke-Tgi @('generate')
        Assert-Tgi 'a usage error exits 2' ($r.Code -eq 2) $r
        $r = Invoke-Tgi @('genrate', 'x')
        Assert-Tgi 'a mistyped command is one line with the suggestion (exit 2)' (
            $r.Code -eq 2 -and $r.Err.Trim() -eq "tgi: 'genrate' is not a tgi command. Did you mean 'generate'? See 'tgi --help'.") $r

        $health = Get-MedianMs { & $tgi health --url $url }
        $version = Get-MedianMs { & $tgi --version }
        Write-Step ("Cli: startup (median of 7): 'tgi --version' {0:N1} ms, 'tgi health' against the emulator {1:N1} ms" -f $version, $health)
    }
    finally {
        Stop-Process -Id $emulatorPid -Force -ErrorAction SilentlyContinue
    }

    $closed = Get-FreePort
    $r = Invoke-Tgi @('generate', 'x', '--api-key', 'gate-secret-4c1f', '--url', "http://127.0.0.1:$closed")
    Assert-Tgi 'an unreachable server exits 1 with a transport error' ($r.Code -eq 1 -and $r.Err -match '^error: transport:') $r
    Assert-Tgi 'the API key is never printed' (-not ($r.Out + $r.Err).Contains('gate-secret-4c1f')) $r
    $r = Invoke-Tgi @('bench', '--requests', '10000', '--concurrency', '4', '--json', '-', '--url', "http://127.0.0.1:$closed")
    $bench = $r.Out | ConvertFrom-Json
    Assert-Tgi 'bench against a dead server stops after a few transport failures (exit 1)' (
        $r.Code -eq 1 -and $bench.requests.failed -le 8 -and $bench.stopped_early -match 'transport failures in a row' -and $r.Err -match 'error: stopped after') $r
    Write-Step "Cli: all checks passed"
}

# With -File, "-Target Build,Test" arrives as one string (KIOTA.md): split on commas.
$targets = @($Target | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
if ($targets -contains 'All') { $targets = @('CheckGenerated', 'Build', 'Test', 'Aot', 'Cli', 'Docs') }

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
        'Snippets' { Invoke-Snippets }
        'Docs' { Invoke-Docs }
        'Cli' { Invoke-CliGate }
        'Fuzz' { Invoke-Fuzz }
        default { throw "Unknown target '$t'. Use Generate, CheckGenerated, SpecDiff, Build, Test, Aot, Cli, Bench, Pack, Snippets, Fuzz, Docs or All." }
    }
}
