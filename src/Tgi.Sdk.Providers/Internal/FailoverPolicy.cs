// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Polly.CircuitBreaker;

namespace Tgi.Sdk.Providers;

/// <summary>Which failures move a request to the next replica.</summary>
internal static class FailoverPolicy
{
    /// <summary>
    /// A failure of the replica rather than of the request: a connection failure or timeout, 429 overloaded, or a
    /// 502/503/504. These count towards the endpoint's circuit breaker and trigger failover.
    /// </summary>
    public static bool IsReplicaFailure(Exception exception) =>
        exception is TgiException e

        // TGI: 422 (validation, template, tool) and 424 (generation) fail the same way on every replica: never retried (API.md §2.1).
        && e.Status is not (422 or 424)
        && (e.Status is 429 or 502 or 503 or 504 || (e.Status == 0 && (e.ErrorType == TgiErrorType.Transport || e.ErrorType == TgiErrorType.Timeout)));

    /// <summary>Whether the provider tries another replica (or another round) after this failure.</summary>
    public static bool ShouldFailover(Exception? exception) =>
        exception is BrokenCircuitException || (exception is not null && IsReplicaFailure(exception));
}
