// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Telemetry;

/// <summary>
/// How one streaming call is reported: created by the streaming method only when someone listens, used by the
/// enumerator to start the operation on the first <c>MoveNextAsync</c> (when the request is sent) and to read each update.
/// </summary>
/// <typeparam name="T">The update type.</typeparam>
internal sealed class StreamTelemetry<T>
{
    private readonly string _operationName;
    private readonly string? _model;
    private readonly Uri _endpoint;
    private readonly Action<TgiOperation> _describeRequest;

    /// <summary>Initializes a new instance.</summary>
    public StreamTelemetry(string operationName, string? model, Uri endpoint, Action<TgiOperation> describeRequest, StreamObserver<T> observe)
    {
        _operationName = operationName;
        _model = model;
        _endpoint = endpoint;
        _describeRequest = describeRequest;
        Observe = observe;
    }

    /// <summary>Gets the per-update observer.</summary>
    public StreamObserver<T> Observe { get; }

    /// <summary>Starts the operation (null if the listeners went away since the stream was created).</summary>
    public TgiOperation? Start()
    {
        TgiOperation? operation = TgiOperation.Start(_operationName, _model, _endpoint);
        if (operation is not null)
        {
            _describeRequest(operation);
        }

        return operation;
    }
}
