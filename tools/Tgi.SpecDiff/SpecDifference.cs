// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff;

/// <summary>
/// One thing the upstream spec has that ours lacks or types differently.
/// <paramref name="Path"/> is the key deviations.json matches: <c>paths./generate</c>,
/// <c>paths./generate.post</c>, <c>paths./generate.post.responses.422</c>, <c>schemas.Message</c>,
/// <c>schemas.Message.content</c>.
/// </summary>
internal sealed record SpecDifference(string Path, string Detail)
{
    public override string ToString() => $"{Path}: {Detail}";
}
