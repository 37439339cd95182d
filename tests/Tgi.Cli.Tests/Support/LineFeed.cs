// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Threading.Channels;

namespace Tgi.Cli.Tests.Support;

/// <summary>
/// A stdin the test types into line by line. Like the console's reader, ReadLine blocks its thread until a line (or
/// end of input) arrives; each call is announced, so a test knows the chat loop is waiting at its prompt.
/// </summary>
internal sealed class LineFeed : TextReader
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();
    private readonly Channel<int> _reads = Channel.CreateUnbounded<int>();
    private int _count;

    public void Send(string line) => _lines.Writer.TryWrite(line);

    /// <summary>Ends the input (Ctrl+D).</summary>
    public void End() => _lines.Writer.TryWrite(null);

    /// <summary>Waits until the loop asks for its next line.</summary>
    public async Task WaitForReadAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _reads.Reader.ReadAsync(bound.Token);
    }

    public override string? ReadLine()
    {
        _reads.Writer.TryWrite(Interlocked.Increment(ref _count));
        return _lines.Reader.ReadAsync().AsTask().GetAwaiter().GetResult();
    }
}
