// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.GeneratedModels;

/// <summary>
/// Non-streaming calls go through the generated Kiota models both ways; these answers are the ones a naive
/// description loses (int64 seeds, closed finish-reason enums, string-only tool-call ids and arguments).
/// </summary>
public class GeneratedModelRoundTripTests
{
    [Test]
    public async Task GenerateAsync_SeedAboveInt64_ReadsBackExactly()
    {
        // TGI: seed is a u64 and a random seed uses its whole range (API.md §3).
        ReplayHandler handler = ReplayHandler.Json(
            "{\"generated_text\":\" a\",\"details\":{\"finish_reason\":\"length\",\"generated_tokens\":1,\"seed\":14713574396813034473,\"prefill\":[],\"tokens\":[]}}");

        TgiResult<GenerateResponse> result = await handler.CreateClient().GenerateAsync("x", new GenerateOptions { Details = true, DoSample = true });

        await Assert.That(result.Value.Details!.Seed).IsEqualTo(14713574396813034473UL);
    }

    [Test]
    public async Task GenerateAsync_MaxSeed_IsSentAsThePlainInteger()
    {
        ReplayHandler handler = ReplayHandler.Json("{\"generated_text\":\"\"}");

        await handler.CreateClient().GenerateAsync("x", new GenerateOptions { Seed = ulong.MaxValue });

        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"inputs\":\"x\",\"parameters\":{\"seed\":18446744073709551615}}");
    }

    [Test]
    public async Task GenerateAsync_FinishReasonNoEnumKnows_IsKept()
    {
        ReplayHandler handler = ReplayHandler.Json(
            "{\"generated_text\":\"\",\"details\":{\"finish_reason\":\"budget_exhausted\",\"generated_tokens\":0,\"prefill\":[],\"tokens\":[]}}");

        TgiResult<GenerateResponse> result = await handler.CreateClient().GenerateAsync("x", new GenerateOptions { Details = true });

        await Assert.That(result.Value.Details!.FinishReason.ToString()).IsEqualTo("budget_exhausted");
    }

    [Test]
    public async Task GenerateAsync_TopTokens_AreReadFromTheUntypedNestedArrays()
    {
        ReplayHandler handler = ReplayHandler.Json(
            "{\"generated_text\":\" a\",\"details\":{\"finish_reason\":\"length\",\"generated_tokens\":1,\"prefill\":[],"
            + "\"tokens\":[{\"id\":264,\"text\":\" a\",\"logprob\":-0.5,\"special\":false}],"
            + "\"top_tokens\":[[{\"id\":264,\"text\":\" a\",\"logprob\":-0.5,\"special\":false},{\"id\":2,\"text\":\"</s>\",\"logprob\":null,\"special\":true}]]}}");

        TgiResult<GenerateResponse> result = await handler.CreateClient().GenerateAsync("x", new GenerateOptions { Details = true, TopNTokens = 2 });

        IReadOnlyList<TgiToken> step = result.Value.Details!.TopTokens.Single();
        await Assert.That(step.Count).IsEqualTo(2);
        await Assert.That(step[0]).IsEqualTo(new TgiToken(264, " a", -0.5f, false));
        await Assert.That(step[1]).IsEqualTo(new TgiToken(2, "</s>", null, true));
    }

    [Test]
    public async Task ChatAsync_Tgi203ToolCall_IntegerIdAndObjectArguments_AreKept()
    {
        // TGI 2.0.1–2.0.3: id is the integer 0 and arguments a JSON object (API.md §5.5).
        ReplayHandler handler = ReplayHandler.Json(
            "{\"id\":\"\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"2.0.3-native\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":0,\"type\":\"function\","
            + "\"function\":{\"description\":null,\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\",\"days\":3,\"ratio\":1.50}}}]},"
            + "\"logprobs\":null,\"finish_reason\":\"eos_token\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}");

        TgiResult<ChatCompletion> result = await handler.CreateClient().ChatAsync([ChatMessage.CreateUser("Weather?")]);

        ChatToolCall call = result.Value.ToolCalls.Single();
        await Assert.That(call.Id).IsEqualTo("0");
        await Assert.That(call.FunctionName).IsEqualTo("get_weather");
        await Assert.That(call.ArgumentsJson).IsEqualTo("{\"city\":\"Paris\",\"days\":3,\"ratio\":1.50}");
        await Assert.That(result.Value.FinishReason).IsEqualTo(FinishReason.EosToken);
    }

    [Test]
    public async Task ChatAsync_Tgi14ToolCall_ParametersAlias_IsReadAsArguments()
    {
        // TGI 1.4.3–2.0.0: the function is named "tools" and the arguments sit under "parameters" with the real
        // name in "_name" (API.md §5.5).
        ReplayHandler handler = ReplayHandler.Json(
            "{\"id\":\"\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"1.4.5-native\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":0,\"type\":\"function\","
            + "\"function\":{\"description\":null,\"name\":\"tools\",\"parameters\":{\"_name\":\"get_weather\",\"city\":\"Paris\"}}}]},"
            + "\"logprobs\":null,\"finish_reason\":\"eos_token\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}");

        TgiResult<ChatCompletion> result = await handler.CreateClient().ChatAsync([ChatMessage.CreateUser("Weather?")]);

        ChatToolCall call = result.Value.ToolCalls.Single();
        await Assert.That(call.FunctionName).IsEqualTo("get_weather");
        using JsonDocument arguments = JsonDocument.Parse(call.ArgumentsJson);
        await Assert.That(arguments.RootElement.GetProperty("city").GetString()).IsEqualTo("Paris");
    }

    [Test]
    public async Task ChatAsync_NonAsciiPrompt_IsSentAsUtf8NotEscaped()
    {
        ReplayHandler handler = ReplayHandler.Json(
            "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}");

        await handler.CreateClient().ChatAsync([ChatMessage.CreateUser("Café 日本 a+b <i>")]);

        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"messages\":[{\"content\":\"Café 日本 a+b <i>\",\"role\":\"user\"}]}");
    }
}
