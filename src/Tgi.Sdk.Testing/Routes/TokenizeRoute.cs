// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>POST <c>/tokenize</c>: the emulator's tokens of <c>inputs</c> with UTF-8 byte offsets.</summary>
internal sealed class TokenizeRoute(EmulatorState state)
{
    public async Task TokenizeAsync(HttpContext context)
    {
        using JsonDocument? document = await JsonBodyReader.ReadAsync(context).ConfigureAwait(false);
        if (document is null)
        {
            return;
        }

        string inputs;
        GenerateParameters parameters;
        try
        {
            (inputs, parameters, _, _) = GenerateRequestBinder.Bind(document.RootElement, state.Profile, compat: false);
        }
        catch (BindException error)
        {
            await JsonBodyReader.WriteBindErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        if (parameters.Truncate is { } truncate && (truncate == 0 || truncate > state.Options.MaxInputTokens))
        {
            await ErrorResponses.WriteAsync(context, TgiError.Validation(
                $"`truncate` must be strictly positive and less than {state.Options.MaxInputTokens}. Given: {truncate}")).ConfigureAwait(false);
            return;
        }

        List<TokenSpan> tokens = EmulatorTokenizer.Tokenize(inputs, addBos: true);
        if (parameters.Truncate is { } keep && keep < tokens.Count)
        {
            tokens = tokens.GetRange(tokens.Count - keep, keep);
        }

        await WriteTokensAsync(context, tokens).ConfigureAwait(false);
    }

    public static Task WriteTokensAsync(HttpContext context, List<TokenSpan> tokens) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer => WriteTokens(writer, tokens));

    public static void WriteTokens(Utf8JsonWriter writer, List<TokenSpan> tokens)
    {
        writer.WriteStartArray();
        foreach (TokenSpan token in tokens)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", token.Id);
            SerdeStrings.Write(writer, "text", token.Text);
            writer.WriteNumber("start", token.Start);
            writer.WriteNumber("stop", token.Stop);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
