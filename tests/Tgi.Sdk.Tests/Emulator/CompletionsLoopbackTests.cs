// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Completions;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Emulator;

public class CompletionsLoopbackTests
{
    [Test]
    public async Task CompletionsAsync_Batch_OneChoicePerPromptInOrder()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        Completion completion = (await tgi.Client.CompletionsAsync(["one", "two", "three"], new CompletionOptions { MaxTokens = 4 })).Value;

        await Assert.That(completion.Choices.Select(c => c.Index)).IsEquivalentTo(new[] { 0, 1, 2 });
        await Assert.That(completion.Usage!.CompletionTokens).IsGreaterThan(0);
    }

    // TGI 2.0.0–2.0.3 end a completions stream with no final chunk, usage or [DONE], so the 2.0 mode is not among these.
    [Test]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task CompletionsStreamingAsync_Batch_EachPromptFinishesOnce(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version, Generator = TgiGenerator.Scripted(" a", " b") });

        List<CompletionUpdate> updates = await Expect.ToListAsync(tgi.Client.CompletionsStreamingAsync(["one", "two"]));

        foreach (int prompt in new[] { 0, 1 })
        {
            List<CompletionUpdate> mine = updates.Where(u => u.PromptIndex == prompt).ToList();
            await Assert.That(mine.Count(u => u.FinishReason is not null)).IsEqualTo(1);
            await Assert.That(mine[^1].Usage).IsNotNull();
            await Assert.That(string.Concat(mine.Select(u => u.TextDelta))).StartsWith(" a b");
        }
    }

    [Test]
    public async Task CompletionsAsync_Single_ReturnsText()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted(" done") });

        Completion completion = (await tgi.Client.CompletionsAsync("go")).Value;

        await Assert.That(completion.Choices[0].Text).IsEqualTo(" done");
        await Assert.That(completion.Choices[0].FinishReason).IsEqualTo(FinishReason.Stop);
    }

    [Test]
    public async Task CompletionsAsync_BatchOverLimit_Is422()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.CompletionsAsync(["1", "2", "3", "4", "5"]));

        await Assert.That(ex.Status).IsEqualTo(422);
    }
}
