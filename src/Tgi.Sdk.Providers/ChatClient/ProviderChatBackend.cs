// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Extensions.AI;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Providers;

/// <summary>The IChatClient backend over a provider: every call routes by model and fails over across replicas.</summary>
internal sealed class ProviderChatBackend : TgiChatBackend
{
    private readonly TgiProvider _provider;
    private readonly string? _model;

    public ProviderChatBackend(TgiProvider provider, string? model)
    {
        _provider = provider;
        _model = model;
    }

    public override object InnerService => _provider;

    public override Task<TgiResult<ChatCompletion>> ChatAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken) =>
        _provider.ExecuteAsync(RouteModel(options.Model), (endpoint, ct) => endpoint.Client.ChatAsync(messages, options, ct), cancellationToken);

    public override IAsyncEnumerable<ChatCompletionUpdate> ChatStreamingAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken) =>
        _provider.StreamWithFailoverAsync(RouteModel(options.Model), (endpoint, ct) => endpoint.Client.ChatStreamingAsync(messages, options, ct), cancellationToken);

    public override Task<TgiResult<GenerateResponse>> GenerateAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken) =>
        _provider.ExecuteAsync(_model, (endpoint, ct) => endpoint.Client.GenerateAsync(prompt, options, ct), cancellationToken);

    public override IAsyncEnumerable<GenerateStreamUpdate> GenerateStreamingAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken) =>
        _provider.StreamWithFailoverAsync(_model, (endpoint, ct) => endpoint.Client.GenerateStreamingAsync(prompt, options, ct), cancellationToken);

    // ChatOptions.ModelId routes the request when it names a model the provider serves (an adapter id does not).
    private string? RouteModel(string? requested) =>
        _model ?? (requested is not null && _provider.Models.Contains(requested, StringComparer.OrdinalIgnoreCase) ? requested : null);
}
