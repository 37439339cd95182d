// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Completions;
using Models = Tgi.Generated.Models;

namespace Tgi.Sdk.Internal;

/// <summary>
/// Builds <c>CompletionRequest</c> models and maps <c>CompletionFinal</c> models. The models are the
/// generated client's: Kiota serializes the request and parses the response.
/// </summary>
internal static class CompletionWire
{
    /// <summary>Builds a completion request with only the fields the caller set.</summary>
    /// <param name="prompts">The prompts.</param>
    /// <param name="batch">Whether to send an array (a batch) rather than the single prompt as a string.</param>
    /// <param name="o">The options, or null.</param>
    /// <param name="stream">Whether this is a streaming request.</param>
    public static Models.CompletionRequest CreateRequest(IReadOnlyList<string> prompts, bool batch, CompletionOptions? o, bool stream) =>
        new()
        {
            Model = o?.Model,

            // TGI: prompt is a string or an array of strings (API.md §6); the generated union holds either.
            Prompt = batch ? new Models.Prompt { String = [.. prompts] } : new Models.Prompt { PromptString = prompts[0] },
            MaxTokens = o?.MaxTokens,
            Temperature = o?.Temperature,
            TopP = WireRules.TopP(o?.TopP),
            Seed = o?.Seed,
            RepetitionPenalty = o?.RepetitionPenalty,
            FrequencyPenalty = o?.FrequencyPenalty,
            Stop = o is null ? null : WireRules.Stop(o.StopSequences),
            Stream = stream ? true : null,
        };

    /// <summary>Maps a non-streamed completion, sorting the choices by prompt index.</summary>
    public static Completion Read(JsonElement e)
    {
        Models.CompletionFinal m = KiotaBridge.Parse(e, Models.CompletionFinal.CreateFromDiscriminatorValue);
        List<CompletionChoice> choices = m.Choices is null
            ? []
            : [.. m.Choices.Select(static c => new CompletionChoice(c.Index ?? 0, c.Text ?? string.Empty, Vocabulary.FinishReasonFrom(c.FinishReason)))];

        // TGI: "Choice order may not match index" (API.md §6).
        choices.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        return new Completion(
            m.Id ?? string.Empty,
            m.Model ?? string.Empty,
            UnixTime.FromSeconds(m.Created ?? 0),
            m.SystemFingerprint,
            choices,
            ChatWire.ReadUsage(m.Usage));
    }
}
