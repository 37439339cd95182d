// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Commands;
using Tgi.Cli.Infrastructure;
using Tgi.Sdk.Chat;

namespace Tgi.Cli.Tests.Commands;

public class ToolFileTests
{
    [Test]
    public async Task Parse_OpenAiStyleTools_ReadsNameDescriptionAndSchema()
    {
        IReadOnlyList<ChatTool> tools = ToolFile.Parse(
            """[{"type":"function","function":{"name":"f","description":"d","parameters":{"type":"object","properties":{"a":{"type":"string"}}}}}]""",
            "test");

        await Assert.That(tools.Count).IsEqualTo(1);
        await Assert.That(tools[0].FunctionName).IsEqualTo("f");
        await Assert.That(tools[0].FunctionDescription).IsEqualTo("d");
        await Assert.That(tools[0].FunctionParameters.GetProperty("properties").TryGetProperty("a", out _)).IsTrue();
    }

    [Test]
    public async Task Parse_BareFunctionsWithoutParameters_GetAnEmptyObjectSchema()
    {
        IReadOnlyList<ChatTool> tools = ToolFile.Parse("""{"tools":[{"name":"g"},{"name":"h","description":"x"}]}""", "test");

        await Assert.That(tools.Count).IsEqualTo(2);
        await Assert.That(tools[1].FunctionName).IsEqualTo("h");
        await Assert.That(tools[0].FunctionParameters.GetProperty("type").GetString()).IsEqualTo("object");
    }

    [Test]
    public async Task Parse_ToolWithoutName_ThrowsUsageException()
    {
        await Assert.That(() => ToolFile.Parse("""[{"description":"x"}]""", "test")).Throws<UsageException>();
    }

    [Test]
    [Arguments("auto", "auto")]
    [Arguments("none", "none")]
    [Arguments("required", "required")]
    public async Task ParseToolChoice_Keyword_ReturnsKeyword(string text, string keyword)
    {
        await Assert.That(ChatCommand.ParseToolChoice(text)?.Keyword).IsEqualTo(keyword);
    }

    [Test]
    public async Task ParseToolChoice_Name_ReturnsNamedFunction()
    {
        await Assert.That(ChatCommand.ParseToolChoice("get_weather")?.FunctionName).IsEqualTo("get_weather");
    }
}
