// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Generate;

/// <summary>The result of <c>/generate</c> (or one element of the compat route's array).</summary>
public sealed class GenerateResponse
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="generatedText">The generated text.</param>
    /// <param name="details">The details, when requested.</param>
    public GenerateResponse(string generatedText, GenerateDetails? details)
    {
        GeneratedText = generatedText ?? string.Empty;
        Details = details;
    }

    /// <summary>Gets the generated text (with the prompt prepended when <c>return_full_text</c> applied).</summary>
    public string GeneratedText { get; }

    /// <summary>Gets the details; null unless <see cref="GenerateOptions.Details"/> or <see cref="GenerateOptions.DecoderInputDetails"/> was set.</summary>
    public GenerateDetails? Details { get; }
}
