// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk;

/// <summary>
/// The names under which <see cref="TgiClient"/> reports OpenTelemetry traces and metrics, following the
/// OpenTelemetry semantic conventions for generative AI clients.
/// </summary>
/// <remarks>
/// <para>Enable them with <c>tracing.AddSource(TgiTelemetry.ActivitySourceName)</c> and
/// <c>metrics.AddMeter(TgiTelemetry.MeterName)</c>. With no listener, the client does no telemetry work.</para>
/// <para>Every inference call (generate, chat, completions, streaming or not) is one <c>Client</c> span named
/// <c>"{gen_ai.operation.name} {gen_ai.request.model}"</c> with <c>gen_ai.*</c> request and response attributes,
/// <c>server.address</c>/<c>server.port</c>, <c>error.type</c> on failure, and TGI's own timing headers as
/// <c>tgi.*</c> attributes. The metrics are <c>gen_ai.client.operation.duration</c>,
/// <c>gen_ai.client.token.usage</c> and, for streams, <c>gen_ai.client.operation.time_to_first_chunk</c>.
/// Prompts and generated text are never recorded.</para>
/// <para><c>error.type</c> is one of TGI's error types or the SDK's own (<c>transport</c>, <c>timeout</c>,
/// <c>protocol</c>, …), <c>_OTHER</c> for any other word a server sent, or the exception's type name. The span's
/// status description is the exception's message, from which the client's API key and header values are removed, as
/// they are from every text a server sends back.</para>
/// </remarks>
public static class TgiTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: <c>Tgi.Sdk</c>.</summary>
    public const string ActivitySourceName = "Tgi.Sdk";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: <c>Tgi.Sdk</c>.</summary>
    public const string MeterName = "Tgi.Sdk";
}
