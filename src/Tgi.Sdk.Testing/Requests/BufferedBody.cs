// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>The request body, read once by the recording middleware and kept for the route (bounded by the payload limit).</summary>
internal sealed class BufferedBody(byte[] bytes, bool tooLarge)
{
    public byte[] Bytes { get; } = bytes;

    /// <summary>Gets a value indicating whether the body was longer than TGI's <c>payload_limit</c>.</summary>
    public bool TooLarge { get; } = tooLarge;
}
