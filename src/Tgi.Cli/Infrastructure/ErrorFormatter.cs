// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;

namespace Tgi.Cli.Infrastructure;

/// <summary>Formats a <see cref="TgiException"/> as <c>error: &lt;error_type&gt;: &lt;message&gt;</c>, plus a hint where one helps.</summary>
internal static class ErrorFormatter
{
    /// <summary>Formats an error.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>One or two lines for stderr.</returns>
    public static string Format(TgiException exception)
    {
        string line = $"error: {Describe(exception)}";
        string? hint = Hint(exception);
        return hint is null ? line : line + Environment.NewLine + "hint: " + hint;
    }

    /// <summary>Describes an error on one line as <c>&lt;error_type&gt;: &lt;message&gt;</c>.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>The line.</returns>
    public static string Describe(TgiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string type = exception.ErrorType?.ToString() is { Length: > 0 } t ? t : (exception.Status > 0 ? $"http_{exception.Status}" : "error");
        string message = exception.ErrorMessage is { Length: > 0 } m ? m : exception.Message;
        return $"{type}: {message.ReplaceLineEndings(" ")}";
    }

    private static string? Hint(TgiException exception)
    {
        if (exception.ErrorType == TgiErrorType.Transport && exception.Status == 0)
        {
            return $"is a TGI server running there? Point tgi at one with --url or {Connection.UrlVariable}, or try 'tgi demo'.";
        }

        return exception.Status == 401
            ? $"the server wants an API key: pass --api-key or set {Connection.ApiKeyVariable}."
            : null;
    }
}
