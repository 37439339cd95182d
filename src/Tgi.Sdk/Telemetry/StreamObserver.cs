// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Telemetry;

/// <summary>Reads what an update tells the operation (finish reason, usage, model) while a stream is read.</summary>
/// <typeparam name="T">The update type.</typeparam>
/// <param name="operation">The operation.</param>
/// <param name="update">The update just handed to the caller.</param>
internal delegate void StreamObserver<T>(TgiOperation operation, in T update);
