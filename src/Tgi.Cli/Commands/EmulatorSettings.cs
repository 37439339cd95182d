// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Testing;

namespace Tgi.Cli.Commands;

/// <summary>How <c>tgi emulator</c> runs the TGI emulator.</summary>
internal sealed class EmulatorSettings
{
    /// <summary>Gets the loopback port (0 picks a free one).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Gets the wire format.</summary>
    public TgiWireVersion WireVersion { get; init; } = TgiWireVersion.V3_3;

    /// <summary>Gets the API key the emulator requires, or null.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Gets the served model id, or null for the emulator's default.</summary>
    public string? ModelId { get; init; }

    /// <summary>Gets the delay before the first token.</summary>
    public TimeSpan? TimeToFirstToken { get; init; }

    /// <summary>Gets the pace of generation after the first token.</summary>
    public double? TokensPerSecond { get; init; }

    /// <summary>Gets how many of the first generation requests fail with 429 overloaded.</summary>
    public int OverloadRequests { get; init; }

    /// <summary>Gets how many of the first generation requests fail with 424 generation errors.</summary>
    public int FailRequests { get; init; }

    /// <summary>Gets a value indicating whether <c>/health</c> answers 503.</summary>
    public bool Unhealthy { get; init; }

    /// <summary>Gets the token count after which streams drop their connection, or null.</summary>
    public int? DisconnectAfterTokens { get; init; }

    /// <summary>Gets a fixed answer length in tokens (a steady load for bench), or null for the deterministic model.</summary>
    public int? AnswerTokens { get; init; }

    /// <summary>Parses a <c>--wire-version</c> value.</summary>
    /// <param name="value">2.0, 2.4 or 3.3.</param>
    /// <returns>The version.</returns>
    public static TgiWireVersion ParseWireVersion(string value) => value switch
    {
        "2.0" => TgiWireVersion.V2_0,
        "2.4" => TgiWireVersion.V2_4,
        _ => TgiWireVersion.V3_3,
    };

    /// <summary>Formats a wire version the way <c>--wire-version</c> takes it.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The text.</returns>
    public static string Format(TgiWireVersion version) => version switch
    {
        TgiWireVersion.V2_0 => "2.0",
        TgiWireVersion.V2_4 => "2.4",
        _ => "3.3",
    };

    /// <summary>Creates the emulator options.</summary>
    /// <returns>The options.</returns>
    public TgiEmulatorOptions ToOptions()
    {
        var options = new TgiEmulatorOptions { Port = Port, WireVersion = WireVersion, ApiKey = ApiKey };
        if (AnswerTokens is { } count)
        {
            // Grammar and tool requests then get the same fixed text: this mode is for load, not for features.
            options.Generator = TgiGenerator.Repeat(" token", count);
        }

        if (ModelId is { Length: > 0 } model)
        {
            options.ModelId = model;
        }

        return options;
    }

    /// <summary>Applies the faults to a running emulator.</summary>
    /// <param name="emulator">The emulator.</param>
    public void ApplyFaults(TgiEmulator emulator)
    {
        emulator.Faults.TimeToFirstToken = TimeToFirstToken;
        emulator.Faults.TokensPerSecond = TokensPerSecond;
        emulator.Faults.OverloadNextRequests = OverloadRequests;
        emulator.Faults.FailNextRequestsWithGenerationError = FailRequests;
        emulator.Faults.DisconnectAfterTokens = DisconnectAfterTokens;
        emulator.IsHealthy = !Unhealthy;
    }
}
