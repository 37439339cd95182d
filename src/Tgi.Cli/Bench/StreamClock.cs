// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;

namespace Tgi.Cli.Bench;

/// <summary>Times one stream: the first token, the gaps between tokens, the end.</summary>
internal sealed class StreamClock
{
    private readonly BenchRecorder _recorder;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly List<double> _gaps;
    private long _previous;
    private double? _firstToken;
    private int _tokens;

    /// <summary>Initializes a new instance; the clock starts now.</summary>
    /// <param name="expectedTokens">A capacity hint.</param>
    /// <param name="recorder">The recorder whose live token count is bumped.</param>
    public StreamClock(int expectedTokens, BenchRecorder recorder)
    {
        _recorder = recorder;
        _gaps = new List<double>(Math.Clamp(expectedTokens, 1, 4096));
    }

    /// <summary>Records a token arriving now.</summary>
    public void Token()
    {
        long now = Stopwatch.GetTimestamp();
        if (_tokens == 0)
        {
            _firstToken = Stopwatch.GetElapsedTime(_start, now).TotalMilliseconds;
        }
        else
        {
            _gaps.Add(Stopwatch.GetElapsedTime(_previous, now).TotalMilliseconds);
        }

        _previous = now;
        _tokens++;
        _recorder.TokenReceived();
    }

    /// <summary>Ends the stream.</summary>
    /// <returns>The sample.</returns>
    public RequestSample Finish() => new(_firstToken, _gaps, _tokens, Stopwatch.GetElapsedTime(_start).TotalMilliseconds);
}
