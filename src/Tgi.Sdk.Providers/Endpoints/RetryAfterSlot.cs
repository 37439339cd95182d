// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>
/// Carries the <c>Retry-After</c> of the last failed attempt from <see cref="RetryAfterHandler"/> (deep in the HTTP
/// pipeline) up to the provider's retry strategy, which sees only the <see cref="TgiException"/>.
/// </summary>
internal sealed class RetryAfterSlot
{
    private static readonly AsyncLocal<RetryAfterSlot?> s_current = new();

    /// <summary>Gets or sets the slot of the current request (flows into the HTTP handlers).</summary>
    public static RetryAfterSlot? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>Gets or sets the delay the server asked for, if any.</summary>
    public TimeSpan? RetryAfter { get; set; }
}
