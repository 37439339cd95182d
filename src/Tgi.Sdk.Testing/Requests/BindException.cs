// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>
/// A body that parsed as JSON but does not fit TGI's request type: axum answers 422 text/plain
/// "Failed to deserialize the JSON body into the target type: path: serde message at line L column C".
/// </summary>
internal sealed class BindException : Exception
{
    /// <param name="path">Where the error is; for a missing field, the object that lacks it (serde reports its end).</param>
    /// <param name="serdeMessage">serde's wording, for example "missing field `inputs`".</param>
    /// <param name="atValueStart">True when serde reports the value's first character instead of its end.</param>
    public BindException(JsonPath path, string serdeMessage, bool atValueStart = false)
        : base(serdeMessage)
    {
        Path = path;
        AtValueStart = atValueStart;
    }

    public BindException()
    {
        Path = JsonPath.Root;
    }

    public BindException(string message)
        : base(message)
    {
        Path = JsonPath.Root;
    }

    public BindException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = JsonPath.Root;
    }

    /// <summary>Gets where in the body the error is.</summary>
    public JsonPath Path { get; }

    /// <summary>Gets a value indicating whether serde reports the value's first character (a map or sequence it only peeked at).</summary>
    public bool AtValueStart { get; }
}
