// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Streaming;

namespace Tgi.Sdk.Tests.Streaming;

/// <summary>
/// Runs <c>/generate_stream</c> events through the handlers (normal and raw) with and without the byte-level fast
/// path, and describes every outcome (update, end or exception) as text, so tests can compare the paths.
/// </summary>
internal static class GeneratePaths
{
    /// <summary>Runs the events through all four handlers.</summary>
    /// <returns>The outcomes of the normal handler's fast and reader paths, and of the raw handler's.</returns>
    public static (List<string> Fast, List<string> Slow, List<string> RawFast, List<string> RawSlow) Run(IEnumerable<byte[]> events)
    {
        GenerateStreamHandler fast = new(fastPath: true);
        GenerateStreamHandler slow = new(fastPath: false);
        GenerateStreamRawHandler rawFast = new(fastPath: true);
        GenerateStreamRawHandler rawSlow = new(fastPath: false);
        try
        {
            (List<string>, List<string>, List<string>, List<string>) outcomes = ([], [], [], []);
            foreach (byte[] data in events)
            {
                outcomes.Item1.Add(Outcome(fast, data));
                outcomes.Item2.Add(Outcome(slow, data));
                outcomes.Item3.Add(Outcome(rawFast, data));
                outcomes.Item4.Add(Outcome(rawSlow, data));
            }

            return outcomes;
        }
        finally
        {
            rawFast.Release();
            rawSlow.Release();
        }
    }

    /// <summary>Handles one event and describes the outcome.</summary>
    public static string Outcome(GenerateStreamHandler handler, byte[] data)
    {
        try
        {
            return handler.Handle(data, out GenerateStreamUpdate u) switch
            {
                StreamEventResult.Item => string.Create(
                    CultureInfo.InvariantCulture,
                    $"i={u.Index} id={u.Token.Id} text={u.Token.Text} lp={u.Token.Logprob:R} sp={u.Token.IsSpecial} gen={u.GeneratedText} top={u.TopTokens?.Count} det={u.Details?.FinishReason}/{u.Details?.GeneratedTokens}/{u.Details?.Seed}/{u.Details?.InputLength}"),
                StreamEventResult result => result.ToString(),
            };
        }
        catch (TgiException ex)
        {
            return Describe(ex);
        }
    }

    /// <summary>Handles one event with the raw handler and describes the outcome.</summary>
    public static string Outcome(GenerateStreamRawHandler handler, byte[] data)
    {
        try
        {
            return handler.Handle(data, out GenerateStreamRawUpdate u) switch
            {
                StreamEventResult.Item => string.Create(
                    CultureInfo.InvariantCulture,
                    $"i={u.Index} id={u.TokenId} text={Encoding.UTF8.GetString(u.TextUtf8.Span)} lp={u.Logprob:R} sp={u.IsSpecial} final={u.IsFinal} gen={Encoding.UTF8.GetString(u.GeneratedTextUtf8.Span)}"),
                StreamEventResult result => result.ToString(),
            };
        }
        catch (TgiException ex)
        {
            return Describe(ex);
        }
    }

    private static string Describe(TgiException ex) => $"{ex.GetType().Name}({ex.ErrorType}): {ex.Message} <- {ex.InnerException?.GetType().Name}";
}
