// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Tests.Infrastructure;
using Tgi.Sdk.Tests.Tools;

namespace Tgi.Sdk.Tests.Recordings;

/// <summary>TGI's recorded tool-call snapshots read through the SDK: the recorded calls and answers come out (skipped without ../shared).</summary>
public class ToolRecordingsTests
{
    [Test]
    [Arguments("head/test_tools_llama/test_flash_llama_grammar_tools_nostream.json")]
    [Arguments("head/test_tools_llama/test_flash_llama_grammar_tools_auto_nostream.json")]
    [Arguments("head/test_tools_llama/test_flash_llama_grammar_tools_choice_nostream.json")]
    public async Task Head_NonStreamToolCall_StringArguments_ReadIntoArgumentType(string path)
    {
        ChatCompletion completion = (await Recording.Json(path).CreateClient().ChatAsync([ChatMessage.CreateUser("Weather?")])).Value;

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        ChatToolCall call = completion.ToolCalls[0];
        await Assert.That(call.Id).IsEqualTo("0");
        await Assert.That(call.FunctionName).IsEqualTo("get_current_weather");
        await Assert.That(call.GetArguments(TestJsonContext.Default.WeatherArgs)).IsEqualTo(new WeatherArgs("Brooklyn, NY", "fahrenheit"));
        await Assert.That(completion.FinishReason).IsEqualTo(FinishReason.Stop);
        await Assert.That(completion.Content).IsNull();
    }

    [Test]
    [Arguments("v2.4.1/test_tools_llama/test_flash_llama_grammar_tools.json", "Brooklyn")]
    [Arguments("v2.4.1/test_tools_llama/test_flash_llama_grammar_tools_auto.json", "Brooklyn")]
    [Arguments("v2.4.1/test_tools_llama/test_flash_llama_grammar_tools_choice.json", "New York, NY")]
    public async Task V2_NonStreamToolCall_ObjectArgumentsIntegerId_ReadIntoArgumentType(string path, string location)
    {
        ChatCompletion completion = (await Recording.Json(path).CreateClient().ChatAsync([ChatMessage.CreateUser("Weather?")])).Value;

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(completion.ToolCalls[0].Id).IsEqualTo("0");
        await Assert.That(completion.ToolCalls[0].GetArguments(TestJsonContext.Default.WeatherArgs)).IsEqualTo(new WeatherArgs(location, "celsius"));
        await Assert.That(completion.FinishReason).IsEqualTo(FinishReason.EosToken);
    }

    [Test]
    [Arguments("head/test_tools_llama/test_flash_llama_grammar_tools_choice_stream.json")]
    [Arguments("head/test_tools_llama/test_flash_llama_grammar_tools_openai.json")]
    public async Task Head_StreamedToolCall_NoFinishChunk_AssemblesTheCall(string path)
    {
        ChatCompletion completion = await Recording.StreamAsync(Recording.Stream(path));

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(completion.ToolCalls[0].FunctionName).IsEqualTo("get_current_weather");
        await Assert.That(completion.ToolCalls[0].GetArguments(TestJsonContext.Default.WeatherArgs)).IsEqualTo(new WeatherArgs("Brooklyn, NY", "fahrenheit"));
        await Assert.That(completion.Content).IsNull();
    }

    [Test]
    [Arguments("v2.4.1/test_tools_llama/test_flash_llama_grammar_tools_stream.json", "get_current_weather")]
    [Arguments("v2.4.1/test_tools_llama/test_flash_llama_grammar_tools_sea_creatures_stream_required.json", "get_current_weather")]
    [Arguments("v2.4.1/test_tools_llama/test_flash_llama_grammar_tools_sea_creatures_stream_function_object.json", "get_current_weather")]
    public async Task V2_StreamedToolCall_WholeGrammarJsonAndRecordedEosChunk_AssemblesTheCall(string path, string name)
    {
        // The v2.4.1 stream snapshots keep only the last chunk (the EOS text); the grammar JSON before it is this test's.
        ReplayHandler handler = Recording.Stream(
            path,
            Recording.LegacyToolChunk("{\"function\": {\"_name\": \"" + name + "\", "),
            Recording.LegacyToolChunk("\"format\": \"celsius\", \"location\": \"Paris, France\""),
            Recording.LegacyToolChunk("}}"));

        ChatCompletion completion = await Recording.StreamAsync(handler);

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(completion.ToolCalls[0].FunctionName).IsEqualTo(name);
        await Assert.That(completion.ToolCalls[0].GetArguments(TestJsonContext.Default.WeatherArgs)).IsEqualTo(new WeatherArgs("Paris, France", "celsius"));
        await Assert.That(completion.FinishReason!.Value.IsEndOfSequence).IsTrue();
    }

    [Test]
    [Arguments("head/test_tools_llama/test_flash_llama_grammar_tools_insufficient_information_nostream.json", "I'm an artificial intelligence model known as a large language model (LLM) or conversational AI")]
    [Arguments("v2.4.1/test_tools_llama/test_flash_llama_grammar_tools_insufficient_information.json", "I am an AI assistant")]
    [Arguments("head/test_tools_llama/test_flash_llama_tool_reply_response.json", "I can't access real-time data")]
    public async Task NoTool_NonStream_IsPlainContent(string path, string contentStart)
    {
        ChatCompletion completion = (await Recording.Json(path).CreateClient().ChatAsync([ChatMessage.CreateUser("Who are you?")])).Value;

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(0);
        await Assert.That(completion.Content).StartsWith(contentStart);
    }

    [Test]
    [Arguments("head/test_tools_llama/test_flash_llama_grammar_tools_insufficient_information_stream.json", "I'm an artificial intelligence model known as a large language model (LLM) or conversational AI", "length")]
    [Arguments("head/test_tools_llama/test_flash_llama_grammar_tools_sea_creatures_stream_auto.json", "Once upon a time, in a vibrant ocean filled with coral reefs and schools of shimmering fish,", "length")]
    [Arguments("head/test_tools_llama/test_flash_llama_grammar_tools_sea_creatures_stream_none.json", "Once upon a time, in a vibrant ocean filled with coral reefs and schools of shimmering fish, lived three dear friends:", "length")]
    [Arguments("v2.4.1/test_tools_llama/test_flash_llama_grammar_tools_insufficient_information_stream.json", " assistant", null)]
    [Arguments("v2.4.1/test_tools_llama/test_flash_llama_grammar_tools_sea_creatures_stream.json", " fans", null)]
    [Arguments("v2.4.1/test_tools_llama/test_flash_llama_grammar_tools_sea_creatures_stream_none.json", " deep", "length")]
    public async Task NoToolOrNone_Stream_IsPlainContent(string path, string contentStart, string? finishReason)
    {
        // 2.4.x no_tool streams end without a finish_reason; the v2.4.1 files keep only their last chunk (API.md §5.5).
        ChatCompletion completion = await Recording.StreamAsync(Recording.Stream(path));

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(0);
        await Assert.That(completion.Content).StartsWith(contentStart);
        await Assert.That(completion.FinishReason?.ToString()).IsEqualTo(finishReason);
    }
}
