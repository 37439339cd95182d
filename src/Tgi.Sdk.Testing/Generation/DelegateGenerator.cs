// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>Answers through a test-supplied function.</summary>
internal sealed class DelegateGenerator(Func<TgiGenerationRequest, TgiGeneration> generate) : TgiGenerator
{
    public override TgiGeneration Generate(TgiGenerationRequest request) =>
        generate(request) ?? throw new InvalidOperationException("The generator function returned null.");
}
