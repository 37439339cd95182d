// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>TGI's <c>Usage</c>: prompt tokens (the templated prompt) and completion tokens.</summary>
internal readonly record struct Usage(int PromptTokens, int CompletionTokens);
