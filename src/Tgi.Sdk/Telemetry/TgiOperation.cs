// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;

namespace Tgi.Sdk.Telemetry;

/// <summary>
/// One inference call in flight, as OpenTelemetry sees it: the span and the GenAI client metrics. Created only when
/// someone listens (<see cref="Start"/> returns null otherwise), so a client nobody observes pays nothing.
/// </summary>
/// <remarks>Attribute and metric names follow the OpenTelemetry semantic conventions for generative AI clients.</remarks>
internal sealed class TgiOperation
{
    /// <summary>The <c>gen_ai.operation.name</c> of a chat call.</summary>
    public const string Chat = "chat";

    /// <summary>The <c>gen_ai.operation.name</c> of a native generate or completions call.</summary>
    public const string TextCompletion = "text_completion";

    private const string ProviderName = "tgi";

    private readonly string _operationName;
    private readonly string? _requestModel;
    private readonly string _serverAddress;
    private readonly int _serverPort;
    private readonly long _startTimestamp;
    private readonly Activity? _activity;
    private string? _responseModel;
    private string? _errorType;
    private int? _inputTokens;
    private int? _outputTokens;
    private List<string>? _finishReasons;
    private bool _summingUsage;
    private bool _sawFirstChunk;
    private bool _ended;

    private TgiOperation(string operationName, string? requestModel, Uri endpoint)
    {
        _operationName = operationName;
        _requestModel = string.IsNullOrEmpty(requestModel) ? null : requestModel;
        _serverAddress = endpoint.Host;
        _serverPort = endpoint.Port;
        _startTimestamp = Stopwatch.GetTimestamp();
        _activity = TgiInstrumentation.Source.StartActivity(
            _requestModel is null ? operationName : $"{operationName} {_requestModel}",
            ActivityKind.Client);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag("gen_ai.operation.name", operationName);
            _activity.SetTag("gen_ai.provider.name", ProviderName);
            _activity.SetTag("gen_ai.request.model", _requestModel);
            _activity.SetTag("server.address", _serverAddress);
            _activity.SetTag("server.port", _serverPort);
        }
    }

    /// <summary>Starts an operation, or returns null when no span or metric listener is attached.</summary>
    /// <param name="operationName"><see cref="Chat"/> or <see cref="TextCompletion"/>.</param>
    /// <param name="requestModel">The model the request names, if any.</param>
    /// <param name="endpoint">The server.</param>
    public static TgiOperation? Start(string operationName, string? requestModel, Uri endpoint) =>
        TgiInstrumentation.IsEnabled ? new TgiOperation(operationName, requestModel, endpoint) : null;

    /// <summary>Records the request's sampling parameters on the span (only those the caller set).</summary>
    public void SetRequest(int? maxTokens, float? temperature, float? topP, int? topK, float? frequencyPenalty, float? presencePenalty, ulong? seed, IList<string>? stopSequences)
    {
        if (_activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        SetIfNotNull(activity, "gen_ai.request.max_tokens", maxTokens);
        SetIfNotNull(activity, "gen_ai.request.temperature", temperature);
        SetIfNotNull(activity, "gen_ai.request.top_p", topP);
        SetIfNotNull(activity, "gen_ai.request.top_k", topK);
        SetIfNotNull(activity, "gen_ai.request.frequency_penalty", frequencyPenalty);
        SetIfNotNull(activity, "gen_ai.request.presence_penalty", presencePenalty);
        if (seed is { } s)
        {
            // A u64 does not fit the attribute types OpenTelemetry exports (long); the text keeps it exact.
            activity.SetTag("gen_ai.request.seed", s <= long.MaxValue ? (long)s : s.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (stopSequences is { Count: > 0 })
        {
            activity.SetTag("gen_ai.request.stop_sequences", stopSequences.ToArray());
        }
    }

    /// <summary>Records TGI's timing and token headers as <c>tgi.*</c> attributes, and the token counts they carry.</summary>
    public void SetResponseHeaders(TgiRawResponse raw)
    {
        _inputTokens ??= raw.PromptTokens;
        _outputTokens ??= raw.GeneratedTokens;
        if (_activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        SetIfNotNull(activity, "tgi.queue_time", raw.QueueTime?.TotalSeconds);
        SetIfNotNull(activity, "tgi.validation_time", raw.ValidationTime?.TotalSeconds);
        SetIfNotNull(activity, "tgi.inference_time", raw.InferenceTime?.TotalSeconds);
        SetIfNotNull(activity, "tgi.time_per_token", raw.TimePerToken?.TotalSeconds);
        SetIfNotNull(activity, "tgi.total_time", raw.TotalTime?.TotalSeconds);
    }

    /// <summary>Records the response's model and id (TGI's chat id is always empty, so an empty one is left out).</summary>
    public void SetResponse(string? model, string? id)
    {
        if (!string.IsNullOrEmpty(model))
        {
            _responseModel = model;
        }

        if (!string.IsNullOrEmpty(id))
        {
            _activity?.SetTag("gen_ai.response.id", id);
        }
    }

    /// <summary>Adds a finish reason (one per choice; a batch of completions has several).</summary>
    public void AddFinishReason(FinishReason? finishReason)
    {
        if (finishReason is { } reason && reason.ToString() is { Length: > 0 } text)
        {
            (_finishReasons ??= []).Add(text);
        }
    }

    /// <summary>Sets the token counts (the body's usage wins over the headers).</summary>
    public void SetUsage(int? inputTokens, int? outputTokens)
    {
        _inputTokens = inputTokens ?? _inputTokens;
        _outputTokens = outputTokens ?? _outputTokens;
    }

    /// <summary>Adds token counts (a completions stream reports each prompt's usage on its own last chunk).</summary>
    public void AddUsage(int inputTokens, int outputTokens)
    {
        if (!_summingUsage)
        {
            // The body's counts replace any from the headers, then add up.
            _summingUsage = true;
            _inputTokens = 0;
            _outputTokens = 0;
        }

        _inputTokens = (_inputTokens ?? 0) + inputTokens;
        _outputTokens = (_outputTokens ?? 0) + outputTokens;
    }

    /// <summary>Records the time to the first chunk of a stream (once).</summary>
    public void FirstChunk()
    {
        if (_sawFirstChunk)
        {
            return;
        }

        _sawFirstChunk = true;
        if (TgiInstrumentation.TimeToFirstChunk.Enabled)
        {
            TagList tags = MetricTags();
            TgiInstrumentation.TimeToFirstChunk.Record(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, tags);
        }
    }

    /// <summary>
    /// Marks the operation failed: <c>error.type</c> is TGI's error type or the SDK's own kind, <c>_OTHER</c> for any
    /// other word the server sent, or the exception's type when it is not a <see cref="TgiException"/>.
    /// </summary>
    /// <param name="exception">The failure, already without the client's secrets (its message is the span status).</param>
    public void Fail(Exception exception)
    {
        _errorType = ErrorTypeTag(exception);
        _activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
    }

    /// <summary>
    /// The <c>error.type</c> of a failure. The server chooses a <see cref="TgiException.ErrorType"/>, so only the known
    /// values pass: anything else is <c>_OTHER</c>, as the semantic conventions ask (it could hold an echoed secret,
    /// and it is a tag on metrics, whose cardinality must stay bounded).
    /// </summary>
    internal static string ErrorTypeTag(Exception exception) =>
        exception switch
        {
            TgiException { ErrorType: { } type } => KnownErrorTypes.NameOf(type),
            _ => exception.GetType().FullName ?? KnownErrorTypes.Other,
        };

    /// <summary>Ends the span and records the metrics; later calls do nothing.</summary>
    public void End()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (_activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag("gen_ai.response.model", _responseModel);
                SetIfNotNull(activity, "gen_ai.usage.input_tokens", _inputTokens);
                SetIfNotNull(activity, "gen_ai.usage.output_tokens", _outputTokens);
                if (_finishReasons is not null)
                {
                    activity.SetTag("gen_ai.response.finish_reasons", _finishReasons.ToArray());
                }

                activity.SetTag("error.type", _errorType);
            }

            activity.Stop();
        }

        TagList tags = MetricTags();
        if (TgiInstrumentation.OperationDuration.Enabled)
        {
            TgiInstrumentation.OperationDuration.Record(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, tags);
        }

        if (TgiInstrumentation.TokenUsage.Enabled && _errorType is null)
        {
            RecordTokens(tags, "input", _inputTokens);
            RecordTokens(tags, "output", _outputTokens);
        }
    }

    private static void RecordTokens(TagList tags, string type, int? count)
    {
        if (count is { } n)
        {
            tags.Add("gen_ai.token.type", type);
            TgiInstrumentation.TokenUsage.Record(n, tags);
        }
    }

    private static void SetIfNotNull<T>(Activity activity, string name, T? value)
        where T : struct
    {
        if (value is { } v)
        {
            activity.SetTag(name, v);
        }
    }

    private TagList MetricTags()
    {
        TagList tags = new()
        {
            { "gen_ai.operation.name", _operationName },
            { "gen_ai.provider.name", ProviderName },
            { "server.address", _serverAddress },
            { "server.port", _serverPort },
        };
        if (_requestModel is not null)
        {
            tags.Add("gen_ai.request.model", _requestModel);
        }

        if (_responseModel is not null)
        {
            tags.Add("gen_ai.response.model", _responseModel);
        }

        if (_errorType is not null)
        {
            tags.Add("error.type", _errorType);
        }

        return tags;
    }
}
