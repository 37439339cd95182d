// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Providers;

/// <summary>The result of <see cref="TgiProvider.CompleteAsync"/>, whichever API served it.</summary>
public sealed class TgiProviderResponse
{
    internal TgiProviderResponse(
        string text,
        IReadOnlyList<ChatToolCall> toolCalls,
        FinishReason? finishReason,
        TgiUsageSummary usage,
        TgiRoute route,
        Uri endpoint,
        string? model,
        TgiRawResponse rawResponse,
        object rawValue)
    {
        Text = text;
        ToolCalls = toolCalls;
        FinishReason = finishReason;
        Usage = usage;
        Route = route;
        Endpoint = endpoint;
        Model = model;
        RawResponse = rawResponse;
        RawValue = rawValue;
    }

    /// <summary>Gets the generated text (empty for a tool call).</summary>
    public string Text { get; }

    /// <summary>Gets the tool calls (chat only), or an empty list.</summary>
    public IReadOnlyList<ChatToolCall> ToolCalls { get; }

    /// <summary>Gets the finish reason, when TGI reported one.</summary>
    public FinishReason? FinishReason { get; }

    /// <summary>Gets the token counts and timing headers.</summary>
    public TgiUsageSummary Usage { get; }

    /// <summary>Gets the route that served the request.</summary>
    public TgiRoute Route { get; }

    /// <summary>Gets the replica that served the request.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the model of that replica, when known.</summary>
    public string? Model { get; }

    /// <summary>Gets the HTTP status and headers.</summary>
    public TgiRawResponse RawResponse { get; }

    /// <summary>Gets the underlying result: a <see cref="ChatCompletion"/> or a <see cref="Generate.GenerateResponse"/>.</summary>
    public object RawValue { get; }
}
