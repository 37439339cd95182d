// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Bench;

/// <summary>What one completed streamed request measured.</summary>
internal sealed class RequestSample
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="timeToFirstTokenMs">Milliseconds from sending to the first token, or null when none arrived.</param>
    /// <param name="interTokenMs">Milliseconds between consecutive tokens.</param>
    /// <param name="tokens">Tokens received.</param>
    /// <param name="latencyMs">Milliseconds from sending to the end of the stream.</param>
    public RequestSample(double? timeToFirstTokenMs, List<double> interTokenMs, int tokens, double latencyMs)
    {
        TimeToFirstTokenMs = timeToFirstTokenMs;
        InterTokenMs = interTokenMs;
        Tokens = tokens;
        LatencyMs = latencyMs;
    }

    /// <summary>Gets the time to first token.</summary>
    public double? TimeToFirstTokenMs { get; }

    /// <summary>Gets the gaps between tokens.</summary>
    public List<double> InterTokenMs { get; }

    /// <summary>Gets the token count.</summary>
    public int Tokens { get; }

    /// <summary>Gets the request's latency.</summary>
    public double LatencyMs { get; }
}
