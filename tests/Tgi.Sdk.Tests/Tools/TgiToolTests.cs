// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Tests.Tools;

public class TgiToolTests
{
    [Test]
    public async Task Create_ArgumentType_SchemaComesFromSourceGeneratedContract()
    {
        ChatTool tool = TgiTool.Create("get_current_weather", "Weather now", TestJsonContext.Default.WeatherArgs);

        JsonElement schema = tool.FunctionParameters;
        await Assert.That(schema.GetProperty("type").GetString()).IsEqualTo("object");
        await Assert.That(schema.GetProperty("properties").GetProperty("location").GetProperty("type").GetString()).IsEqualTo("string");
        await Assert.That(schema.GetProperty("required").EnumerateArray().Select(e => e.GetString())).Contains("location");
        await Assert.That(tool.FunctionDescription).IsEqualTo("Weather now");
        await Assert.That(tool.HasHandler).IsFalse();
    }

    [Test]
    public async Task Create_TypeWithoutMembers_HasEmptyPropertiesTgiRequires()
    {
        ChatTool tool = TgiTool.Create("ping", null, TestJsonContext.Default.NoArgs);

        await Assert.That(tool.FunctionParameters.GetProperty("properties").ValueKind).IsEqualTo(JsonValueKind.Object);
    }

    [Test]
    public async Task Create_NonObjectArgumentType_ThrowsNamingTheRule()
    {
        ArgumentException? ex = await Assert.That(() => TgiTool.Create("bad", null, TestJsonContext.Default.Int32Array)).Throws<ArgumentException>();

        await Assert.That(ex!.Message).Contains("Int32[]");
        await Assert.That(ex.Message).Contains("\"type\"");
    }

    [Test]
    [Arguments("{\"location\":\"Brooklyn, NY\",\"format\":\"fahrenheit\"}")]
    [Arguments("{ \"location\": \"Brooklyn, NY\", \"format\": \"fahrenheit\"}")]
    public async Task GetArguments_JsonText_ReadsTheArgumentType(string arguments)
    {
        ChatToolCall call = new("0", "get_current_weather", arguments);

        WeatherArgs args = call.GetArguments(TestJsonContext.Default.WeatherArgs);

        await Assert.That(args.Location).IsEqualTo("Brooklyn, NY");
        await Assert.That(args.Format).IsEqualTo("fahrenheit");
    }

    [Test]
    [Arguments("{\"location\":\"Brook")]
    [Arguments("{\"format\":\"celsius\"}")]
    [Arguments("null")]
    public async Task GetArguments_BrokenOrUnfitJson_IsInvalidOutputWithRawText(string arguments)
    {
        ChatToolCall call = new("0", "get_current_weather", arguments);

        TgiException? ex = await Assert.That(() => call.GetArguments(TestJsonContext.Default.WeatherArgs)).Throws<TgiException>();

        await Assert.That(ex!.ErrorType).IsEqualTo(TgiErrorType.InvalidOutput);
        await Assert.That(ex.RawResponseBody).IsEqualTo(arguments);
        await Assert.That(ex.Message).Contains("get_current_weather");
        await Assert.That(ex.IsRetryable).IsFalse();
    }

    [Test]
    public async Task InvokeAsync_TypedHandler_ReceivesParsedArguments()
    {
        ChatTool tool = TgiTool.Create("get_current_weather", null, TestJsonContext.Default.WeatherArgs, (args, _) => Task.FromResult("sunny in " + args.Location));

        string result = await tool.InvokeAsync(new ChatToolCall("0", "get_current_weather", "{\"location\":\"Paris\",\"format\":null}"));

        await Assert.That(result).IsEqualTo("sunny in Paris");
        await Assert.That(tool.HasHandler).IsTrue();
    }

    [Test]
    public async Task InvokeAsync_RawSchemaHandler_ReceivesJsonElement()
    {
        using JsonDocument schema = JsonDocument.Parse("{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}");
        ChatTool tool = TgiTool.Create("search", "Search", schema.RootElement, (args, _) => Task.FromResult(args.GetProperty("q").GetString()!.ToUpperInvariant()));

        string result = await tool.InvokeAsync(new ChatToolCall("0", "search", "{\"q\":\"tgi\"}"));

        await Assert.That(result).IsEqualTo("TGI");
        await Assert.That(tool.FunctionParameters.GetProperty("properties").GetProperty("q").GetProperty("type").GetString()).IsEqualTo("string");
    }

    [Test]
    public async Task InvokeAsync_RawSchemaHandler_BrokenArguments_IsInvalidOutput()
    {
        using JsonDocument schema = JsonDocument.Parse("{\"type\":\"object\",\"properties\":{}}");
        ChatTool tool = TgiTool.Create("search", null, schema.RootElement, (_, _) => Task.FromResult("x"));

        TgiException ex = await Infrastructure.Expect.TgiExceptionAsync(() => tool.InvokeAsync(new ChatToolCall("0", "search", "{\"q\":")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.InvalidOutput);
        await Assert.That(ex.RawResponseBody).IsEqualTo("{\"q\":");
    }

    [Test]
    public async Task InvokeAsync_NoHandler_ThrowsInvalidOperation()
    {
        ChatTool tool = TgiTool.Create("get_current_weather", null, TestJsonContext.Default.WeatherArgs);

        await Assert.That(() => (Task)tool.InvokeAsync(new ChatToolCall("0", "get_current_weather", "{}"))).Throws<InvalidOperationException>();
    }
}
