// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Generated.Models;
using Tgi.Generated.Tests.Infrastructure;

namespace Tgi.Generated.Tests;

public class InfoTests
{
    // TGI: API.md §8. the 3.x Info shape: max_input_tokens (not max_input_length), nullable sha/docker_label.
    private const string InfoBody = """
        {"model_id":"meta-llama/Llama-3.1-8B-Instruct","model_sha":"0e9e39f249a16976918f6564b8830bc894c89659","model_pipeline_tag":"text-generation","max_concurrent_requests":128,"max_best_of":2,"max_stop_sequences":4,"max_input_tokens":8191,"max_total_tokens":8192,"validation_workers":2,"max_client_batch_size":4,"router":"text-generation-router","version":"3.3.6-dev0","sha":null,"docker_label":null}
        """;

    [Test]
    public async Task GetAsync_ThreeDotThreeServer_ReadsLimitsAndVersion()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Get("/info", InfoBody));

        Models.Info? info = await tgi.Client.Info.GetAsync();

        await Assert.That(info?.ModelId).IsEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        await Assert.That(info?.ModelPipelineTag).IsEqualTo("text-generation");
        await Assert.That(info?.MaxConcurrentRequests).IsEqualTo(128);
        await Assert.That(info?.MaxBestOf).IsEqualTo(2);
        await Assert.That(info?.MaxStopSequences).IsEqualTo(4);
        await Assert.That(info?.MaxInputTokens).IsEqualTo(8191);
        await Assert.That(info?.MaxTotalTokens).IsEqualTo(8192);
        await Assert.That(info?.MaxClientBatchSize).IsEqualTo(4);
        await Assert.That(info?.Router).IsEqualTo("text-generation-router");
        await Assert.That(info?.Version).IsEqualTo("3.3.6-dev0");
        await Assert.That(info?.Sha).IsNull();
        await Assert.That(info?.DockerLabel).IsNull();
        await Assert.That(tgi.Requests.Single().Method).IsEqualTo("GET");
    }
}
