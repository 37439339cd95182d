// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.Json.Nodes;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;
using Tgi.Sdk.Tests.Tools;

namespace Tgi.Sdk.Tests.Grammar;

/// <summary>The grammar constructors and the schema rules TGI enforces, checked before sending (API.md §2.3, §7).</summary>
public class TgiGrammarTests
{
    private const string SimpleResponse = "{\"generated_text\":\"{}\"}";

    private static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Test]
    [Arguments("{\"type\":\"object\",\"required\":[\"a\"]}", "must have a top-level \"properties\" object")]
    [Arguments("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", "its \"type\" is \"array\"")]
    [Arguments("{\"properties\":[]}", "\"properties\" of a JSON Schema grammar must be an object")]
    [Arguments("[1,2]", "must be a JSON Schema object")]
    public async Task Json_SchemaBreaksTgiRule_ThrowsNamingTheRule(string schema, string rule)
    {
        ArgumentException? ex = await Assert.That(() => TgiGrammar.Json(Parse(schema))).Throws<ArgumentException>();

        await Assert.That(ex!.Message).Contains(rule);
        await Assert.That(ex.Message).StartsWith("TGI rule:");
    }

    [Test]
    [Arguments("{}")]
    [Arguments("{\"type\":\"object\"}")]
    public async Task Json_SchemaFreeObject_ExplainsTgiHasNoJsonObjectMode(string schema)
    {
        ArgumentException? ex = await Assert.That(() => TgiGrammar.JsonSchema("answer", Parse(schema))).Throws<ArgumentException>();

        await Assert.That(ex!.Message).Contains("\"properties\"");
        await Assert.That(ex.Message).Contains("json_object");
    }

    [Test]
    public async Task Json_NoSchema_ExplainsTgiNeedsASchema()
    {
        ArgumentException? fromElement = await Assert.That(() => TgiGrammar.Json(default(JsonElement))).Throws<ArgumentException>();
        ArgumentNullException? fromNode = await Assert.That(() => TgiGrammar.Json((JsonNode)null!)).Throws<ArgumentNullException>();

        await Assert.That(fromElement!.Message).Contains("TGI needs a JSON Schema");
        await Assert.That(fromElement.Message).Contains("{\"type\":\"json_object\"}");
        await Assert.That(fromNode!.Message).Contains("TGI needs a JSON Schema");
    }

    [Test]
    public async Task Json_TextThatIsNotJson_ThrowsArgumentException()
    {
        ArgumentException? ex = await Assert.That(() => TgiGrammar.Json("{\"properties\":")).Throws<ArgumentException>();

        await Assert.That(ex!.Message).Contains("not valid JSON");
    }

    [Test]
    public async Task Json_NonObjectType_ThrowsNamingTheType()
    {
        ArgumentException? ex = await Assert.That(() => TgiGrammar.Json(TestJsonContext.Default.Int32Array)).Throws<ArgumentException>();

        await Assert.That(ex!.Message).Contains("Int32[]");
    }

    [Test]
    public async Task Constructors_EveryForm_WriteTgisTypeValueShape()
    {
        ReplayHandler handler = ReplayHandler.Json(SimpleResponse);
        TgiClient client = handler.CreateClient();
        JsonObject node = new() { ["properties"] = new JsonObject { ["a"] = new JsonObject { ["type"] = "string" } } };

        await client.GenerateAsync("x", new GenerateOptions { Grammar = TgiGrammar.Json(node) });
        await client.GenerateAsync("x", new GenerateOptions { Grammar = TgiGrammar.JsonSchema("w", node) });
        await client.GenerateAsync("x", new GenerateOptions { Grammar = TgiGrammar.Json(TestJsonContext.Default.WeatherArgs) });
        await client.GenerateAsync("x", new GenerateOptions { Grammar = TgiGrammar.JsonSchema("weather", TestJsonContext.Default.WeatherArgs) });

        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"inputs\":\"x\",\"parameters\":{\"grammar\":{\"type\":\"json\",\"value\":{\"properties\":{\"a\":{\"type\":\"string\"}}}}}}");
        await Assert.That(handler.Requests[1].Body).IsEqualTo("{\"inputs\":\"x\",\"parameters\":{\"grammar\":{\"type\":\"json_schema\",\"value\":{\"name\":\"w\",\"schema\":{\"properties\":{\"a\":{\"type\":\"string\"}}}}}}}");
        string weatherSchema = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"},\"format\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"location\",\"format\"]}";
        await Assert.That(handler.Requests[2].Body).IsEqualTo("{\"inputs\":\"x\",\"parameters\":{\"grammar\":{\"type\":\"json\",\"value\":" + weatherSchema + "}}}");
        await Assert.That(handler.Requests[3].Body).IsEqualTo("{\"inputs\":\"x\",\"parameters\":{\"grammar\":{\"type\":\"json_schema\",\"value\":{\"name\":\"weather\",\"schema\":" + weatherSchema + "}}}}");
    }

    [Test]
    public async Task SchemaAndPattern_ExposeTheConstraint()
    {
        TgiGrammar regex = TgiGrammar.Regex("\\d+");
        TgiGrammar json = TgiGrammar.Json("{\"properties\":{}}");

        await Assert.That(regex.Pattern).IsEqualTo("\\d+");
        await Assert.That(regex.Schema).IsNull();
        await Assert.That(json.Schema!.Value.GetProperty("properties").ValueKind).IsEqualTo(JsonValueKind.Object);
        await Assert.That(json.Pattern).IsNull();
    }
}
