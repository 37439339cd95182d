// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>A chat request made ready to generate: the templated prompt (with and without tools), the echoed model, parameters and tools.</summary>
internal sealed record ChatSetup(string Prompt, string PlainPrompt, string Model, GenerateParameters Parameters, ToolSelection Tools);
