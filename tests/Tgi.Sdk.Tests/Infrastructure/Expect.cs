// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>Assertion helpers.</summary>
internal static class Expect
{
    /// <summary>Asserts that the action throws a <see cref="TgiException"/> and returns it.</summary>
    public static async Task<TgiException> TgiExceptionAsync(Func<Task> action)
    {
        TgiException? ex = await Assert.That(action).Throws<TgiException>();
        return ex!;
    }

    /// <summary>Enumerates a stream to the end.</summary>
    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
    {
        List<T> items = [];
        await foreach (T item in source.WithCancellation(cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }
}
