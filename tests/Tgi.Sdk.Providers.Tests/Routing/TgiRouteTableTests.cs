// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Providers;

namespace Tgi.Sdk.Providers.Tests.Routing;

public class TgiRouteTableTests
{
    private static readonly TgiGrammar s_schema = TgiGrammar.Json("""{"properties":{"city":{"type":"string"}}}""");

    /// <summary>One request per table row that sets only that row's feature (on a prompt, the neutral form).</summary>
    private static readonly Dictionary<string, Func<TgiRequest>> s_rowCases = new()
    {
        ["messages"] = () => new TgiRequest { Messages = { ChatMessage.CreateUser("hi") } },
        ["tools"] = () => new TgiRequest { Prompt = "hi", Tools = { ChatTool.CreateFunction("f", "d", """{"type":"object","properties":{}}""") } },
        ["tool_choice"] = () => new TgiRequest { Prompt = "hi", ToolChoice = ChatToolChoice.None },
        ["response_format"] = () => new TgiRequest { Prompt = "hi", ResponseFormat = s_schema },
        ["details"] = () => new TgiRequest { Prompt = "hi", Details = true },
        ["top_n_tokens"] = () => new TgiRequest { Prompt = "hi", TopNTokens = 2 },
        ["best_of"] = () => new TgiRequest { Prompt = "hi", BestOf = 2 },
        ["decoder_input_details"] = () => new TgiRequest { Prompt = "hi", DecoderInputDetails = true },
        ["return_full_text"] = () => new TgiRequest { Prompt = "hi", ReturnFullText = true },
        ["watermark"] = () => new TgiRequest { Prompt = "hi", Watermark = true },
        ["adapter_id"] = () => new TgiRequest { Prompt = "hi", AdapterId = "lora-1" },
        ["top_k"] = () => new TgiRequest { Prompt = "hi", TopK = 5 },
        ["typical_p"] = () => new TgiRequest { Prompt = "hi", TypicalP = 0.5f },
        ["do_sample"] = () => new TgiRequest { Prompt = "hi", DoSample = true },
        ["truncate"] = () => new TgiRequest { Prompt = "hi", Truncate = 10 },
        ["grammar"] = () => new TgiRequest { Prompt = "hi", Grammar = s_schema },
        ["prompt"] = () => new TgiRequest { Prompt = "hi" },
    };

    public static IEnumerable<Func<string>> Rows() => TgiRouteTable.Rules.Select(r => (Func<string>)(() => r.Feature));

    [Test]
    public async Task Rules_EveryRow_HasATestCase()
    {
        string[] features = [.. TgiRouteTable.Rules.Select(r => r.Feature)];
        await Assert.That(features).IsEquivalentTo(s_rowCases.Keys);
    }

    [Test]
    [MethodDataSource(nameof(Rows))]
    public async Task Resolve_EachRow_PicksTheApiTheRowRequires(string feature)
    {
        TgiRouteRule rule = TgiRouteTable.Rules.Single(r => r.Feature == feature);
        TgiRequest request = s_rowCases[feature]();

        TgiRoute route = TgiRouteTable.Resolve(request, streaming: false);

        await Assert.That(rule.Matches(request)).IsTrue();
        await Assert.That(route.Features).Contains(feature);

        // "Either" rows follow the request's form; these cases use a prompt, so they go to /generate.
        await Assert.That(route.Api).IsEqualTo(rule.Requires ?? TgiApi.Generate);
    }

    [Test]
    [Arguments(false, "/generate")]
    [Arguments(true, "/generate_stream")]
    public async Task Resolve_RawPrompt_GoesToGenerate(bool streaming, string path)
    {
        TgiRoute route = TgiRouteTable.Resolve(new TgiRequest { Prompt = "Once upon a time" }, streaming);

        await Assert.That(route.Api).IsEqualTo(TgiApi.Generate);
        await Assert.That(route.IsStreaming).IsEqualTo(streaming);
        await Assert.That(route.Path).IsEqualTo(path);
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task Resolve_Messages_GoToChatOnOnePath(bool streaming)
    {
        TgiRoute route = TgiRouteTable.Resolve(new TgiRequest { Messages = { ChatMessage.CreateUser("hi") } }, streaming);

        await Assert.That(route.Api).IsEqualTo(TgiApi.ChatCompletions);
        await Assert.That(route.Path).IsEqualTo("/v1/chat/completions");
    }

    [Test]
    public async Task Resolve_GrammarOnMessages_GoesToChat()
    {
        TgiRoute route = TgiRouteTable.Resolve(new TgiRequest { Messages = { ChatMessage.CreateUser("hi") }, Grammar = s_schema }, false);

        await Assert.That(route.Api).IsEqualTo(TgiApi.ChatCompletions);
        await Assert.That(route.Features).Contains("grammar");
    }

    [Test]
    public async Task Resolve_MessagesWithDetails_ThrowsNamingBothSides()
    {
        TgiRequest request = new() { Messages = { ChatMessage.CreateUser("hi") }, Details = true, TopK = 3 };

        ArgumentException? error = await Assert.That(() => TgiRouteTable.Resolve(request, false)).Throws<ArgumentException>();

        await Assert.That(error!.Message).Contains("chat-only features (messages)");
        await Assert.That(error.Message).Contains("/generate-only features (details, top_k)");
    }

    [Test]
    public async Task Resolve_NeitherPromptNorMessages_Throws()
    {
        ArgumentException? error = await Assert.That(() => TgiRouteTable.Resolve(new TgiRequest(), false)).Throws<ArgumentException>();

        await Assert.That(error!.Message).Contains("Set TgiRequest.Prompt");
    }

    [Test]
    public async Task Resolve_PromptAndMessages_Throws()
    {
        TgiRequest request = new() { Prompt = "a", Messages = { ChatMessage.CreateUser("b") } };

        ArgumentException? error = await Assert.That(() => TgiRouteTable.Resolve(request, false)).Throws<ArgumentException>();

        await Assert.That(error!.Message).Contains("not both");
    }

    [Test]
    public async Task Resolve_SamplingOptionsOnly_DoNotChangeTheRoute()
    {
        TgiRequest request = new() { Prompt = "hi", Temperature = 0.5f, TopP = 0.9f, MaxTokens = 4, Seed = 1, StopSequences = { "\n" } };

        TgiRoute route = TgiRouteTable.Resolve(request, false);

        await Assert.That(route.Api).IsEqualTo(TgiApi.Generate);
        await Assert.That(route.Features).IsEquivalentTo(new[] { "prompt" });
    }
}
