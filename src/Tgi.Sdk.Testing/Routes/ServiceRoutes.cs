// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>GET <c>/info</c>, <c>/health</c>, <c>/ping</c>, <c>/</c>, <c>/metrics</c> and <c>/v1/models</c>.</summary>
internal sealed class ServiceRoutes(EmulatorState state)
{
    public Task InfoAsync(HttpContext context)
    {
        TgiEmulatorOptions options = state.Options;
        WireProfile profile = state.Profile;
        return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            SerdeStrings.Write(writer, "model_id", options.ModelId);
            writer.WriteNull("model_sha");
            if (profile.InfoLegacyFields)
            {
                // TGI ≤2.2: dtype and device fields, removed in 2.3.0.
                SerdeStrings.Write(writer, "model_dtype", "torch.float16");
                SerdeStrings.Write(writer, "model_device_type", "cuda");
            }

            if (options.ModelPipelineTag is null)
            {
                writer.WriteNull("model_pipeline_tag");
            }
            else
            {
                SerdeStrings.Write(writer, "model_pipeline_tag", options.ModelPipelineTag);
            }

            writer.WriteNumber("max_concurrent_requests", options.MaxConcurrentRequests);
            writer.WriteNumber("max_best_of", options.MaxBestOf);
            writer.WriteNumber("max_stop_sequences", options.MaxStopSequences);

            // TGI ≤2.0.x: max_input_length instead of max_input_tokens.
            writer.WriteNumber(profile.InfoMaxInputLength ? "max_input_length" : "max_input_tokens", options.MaxInputTokens);
            writer.WriteNumber("max_total_tokens", options.MaxTotalTokens);
            if (profile.InfoLegacyFields)
            {
                writer.WriteNumber("waiting_served_ratio", 0.3);
                writer.WriteNumber("max_batch_total_tokens", options.MaxTotalTokens * 4);
                writer.WriteNumber("max_waiting_tokens", 20);
                writer.WriteNull("max_batch_size");
            }

            writer.WriteNumber("validation_workers", 2);
            writer.WriteNumber("max_client_batch_size", options.MaxClientBatchSize);
            SerdeStrings.Write(writer, "router", "text-generation-router");
            SerdeStrings.Write(writer, "version", profile.VersionText);
            writer.WriteNull("sha");
            if (options.DockerLabel is null)
            {
                writer.WriteNull("docker_label");
            }
            else
            {
                SerdeStrings.Write(writer, "docker_label", options.DockerLabel);
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>TGI: 200 with an empty body, or 503 <c>{"error":"unhealthy","error_type":"healthcheck"}</c>.</summary>
    public Task HealthAsync(HttpContext context)
    {
        if (!state.IsHealthy)
        {
            return ErrorResponses.WriteJsonAsync(context, StatusCodes.Status503ServiceUnavailable, "unhealthy", "healthcheck");
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public Task MetricsAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; version=0.0.4";
        byte[] body = Encoding.UTF8.GetBytes(state.Metrics.Render(state.InFlight));
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>TGI: the list wrapper, not the single ModelInfo the spec shows.</summary>
    public Task ModelsAsync(HttpContext context)
    {
        if (!state.Profile.ModelsRoute)
        {
            // TGI: §12 the route exists from 2.3.0; before, an unknown route is a 404 with an empty body.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        string modelId = state.Options.ModelId;
        return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            SerdeStrings.Write(writer, "object", "list");
            writer.WriteStartArray("data");
            writer.WriteStartObject();
            SerdeStrings.Write(writer, "id", modelId);
            SerdeStrings.Write(writer, "object", "model");
            writer.WriteNumber("created", 0);
            SerdeStrings.Write(writer, "owned_by", modelId);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
