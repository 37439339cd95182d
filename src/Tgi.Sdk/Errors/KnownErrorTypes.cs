// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk;

/// <summary>
/// The error types the SDK reports by name in telemetry and logs. A server controls <c>error_type</c>, so anything
/// else is <see cref="Other"/>: no server text, and a bounded set of values.
/// </summary>
internal static class KnownErrorTypes
{
    /// <summary>What an unknown error type is reported as (the OpenTelemetry semantic conventions' fallback).</summary>
    public const string Other = "_OTHER";

    // TGI's error types, TGI's stream variant of incomplete_generation, and the SDK's own kinds.
    private static readonly TgiErrorType[] s_known =
    [
        TgiErrorType.Validation,
        TgiErrorType.Generation,
        TgiErrorType.Overloaded,
        TgiErrorType.IncompleteGeneration,
        new("incomplete_generation_stream"),
        TgiErrorType.TemplateError,
        TgiErrorType.ToolError,
        TgiErrorType.Healthcheck,
        TgiErrorType.Transport,
        TgiErrorType.Timeout,
        TgiErrorType.Protocol,
        TgiErrorType.InvalidOutput,
    ];

    /// <summary>The type's name when the SDK knows it, else <see cref="Other"/>.</summary>
    public static string NameOf(TgiErrorType type)
    {
        foreach (TgiErrorType known in s_known)
        {
            if (known == type)
            {
                return known.ToString();
            }
        }

        return Other;
    }
}
