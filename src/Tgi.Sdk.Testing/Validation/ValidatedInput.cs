// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>The outcome of TGI's <c>validation.rs</c>: prompt length after truncation, token budget and compiled grammar.</summary>
internal sealed record ValidatedInput(string Inputs, int InputTokens, int MaxNewTokens, TgiRequestedGrammar? Grammar, int BestOf);
