// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Generated.Models;
using Tgi.Generated.Tests.Infrastructure;

namespace Tgi.Generated.Tests;

public class ModelsTests
{
    // TGI: API.md §1, §9 item 3. a list wrapper, not the bare ModelInfo the upstream spec describes.
    private const string ModelsBody = """
        {"object":"list","data":[{"id":"meta-llama/Llama-3.1-8B-Instruct","object":"model","created":0,"owned_by":"meta-llama/Llama-3.1-8B-Instruct"}]}
        """;

    [Test]
    public async Task GetAsync_ListWrapper_ReadsTheServedModel()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Get("/v1/models", ModelsBody));

        ModelList? models = await tgi.Client.V1.Models.GetAsync();

        ModelInfo? model = models?.Data?.Single();
        await Assert.That(models?.Object).IsEqualTo("list");
        await Assert.That(model?.Id).IsEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        await Assert.That(model?.Object).IsEqualTo("model");
        await Assert.That(model?.Created).IsEqualTo(0L);
        await Assert.That(model?.OwnedBy).IsEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    }
}
