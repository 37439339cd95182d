// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Generated.Models;
using Tgi.Generated.Tests.Infrastructure;

namespace Tgi.Generated.Tests;

public class TokenizeTests
{
    // TGI: API.md §8. a bare JSON array; special tokens included; start/stop are byte offsets into inputs.
    private const string TokensBody = """
        [{"id":1,"text":"<s>","start":0,"stop":0},{"id":22557,"text":"Hello","start":0,"stop":5},{"id":1526,"text":" world","start":5,"stop":11}]
        """;

    [Test]
    public async Task PostAsync_Prompt_ReadsTokensWithByteOffsets()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post("/tokenize", TokensBody));

        List<SimpleToken>? tokens = await tgi.Client.Tokenize.PostAsync(new GenerateRequest { Inputs = "Hello world" });

        await Assert.That(tokens?.Count).IsEqualTo(3);
        await Assert.That(tokens?[0].Text).IsEqualTo("<s>");
        await Assert.That(tokens?[2].Id).IsEqualTo(1526);
        await Assert.That(tokens?[2].Text).IsEqualTo(" world");
        await Assert.That(tokens?[2].Start).IsEqualTo(5);
        await Assert.That(tokens?[2].Stop).IsEqualTo(11);
        using JsonDocument sent = JsonDocument.Parse(tgi.Requests.Single().Body);
        await Assert.That(sent.RootElement.GetProperty("inputs").GetString()).IsEqualTo("Hello world");
    }
}
