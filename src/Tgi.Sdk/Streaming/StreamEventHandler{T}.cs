// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Streaming;

/// <summary>Turns the data of one SSE event into an update, for one route. One instance per enumeration.</summary>
/// <typeparam name="T">The update type.</typeparam>
internal abstract class StreamEventHandler<T>
{
    /// <summary>Parses one event.</summary>
    /// <param name="data">The event data (never empty).</param>
    /// <param name="item">The update, when the result is <see cref="StreamEventResult.Item"/>.</param>
    /// <returns>Whether the event is an update, carries nothing, or ends the stream.</returns>
    /// <exception cref="TgiException">The event is an error event or is malformed.</exception>
    public abstract StreamEventResult Handle(ReadOnlySpan<byte> data, out T item);

    /// <summary>Gets a value indicating whether the stream reached its natural end, so no more events are read.</summary>
    public virtual bool IsComplete => false;

    /// <summary>Called when the connection ended; throws unless the stream had reached its natural end.</summary>
    public abstract void OnEndOfStream();

    /// <summary>Releases pooled memory.</summary>
    public virtual void Release()
    {
    }
}
