// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>Answers every request with the same generation.</summary>
internal sealed class ScriptedGenerator(TgiGeneration generation) : TgiGenerator
{
    public override TgiGeneration Generate(TgiGenerationRequest request) => generation;
}
