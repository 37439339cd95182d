// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff.Tests;

public class SchemaDescriberTests
{
    private const string Document = """
        {"openapi":"3.0.3","info":{"version":"t"},"paths":{},"components":{"schemas":{
          "Reason":{"type":"string","enum":["length","eos_token"]},
          "Token":{"type":"object","properties":{"id":{"type":"integer","format":"int32"}}},
          "Body":{"oneOf":[{"type":"object","required":["content"],"properties":{"content":{"type":"string"}}},
                           {"type":"object","required":["tool_calls"],"properties":{"tool_calls":{"type":"array","items":{"$ref":"#/components/schemas/Token"}}}}]},
          "Message":{"allOf":[{"$ref":"#/components/schemas/Body"},{"type":"object","required":["role"],"properties":{"role":{"type":"string"}}}]},
          "Holder":{"type":"object","properties":{
            "reason":{"allOf":[{"$ref":"#/components/schemas/Reason"}],"nullable":true},
            "token":{"allOf":[{"$ref":"#/components/schemas/Token"}],"nullable":true},
            "nested":{"type":"array","items":{"type":"array","items":{"$ref":"#/components/schemas/Token"}}},
            "free":{}}}
        }}}
        """;

    private static readonly SpecDocument s_document = SpecDocument.Parse(Document, "test");

    [Test]
    public async Task Describe_NullableRefToEnum_DescribesTheTargetType()
    {
        string described = new SchemaDescriber(s_document).Describe(s_document.Schemas["Holder"]!["properties"]!["reason"]);

        await Assert.That(described).IsEqualTo("string?");
    }

    [Test]
    public async Task Describe_NullableRefToObject_KeepsTheName()
    {
        string described = new SchemaDescriber(s_document).Describe(s_document.Schemas["Holder"]!["properties"]!["token"]);

        await Assert.That(described).IsEqualTo("Token?");
    }

    [Test]
    public async Task Describe_NestedArrayAndFreeForm_DescribesBoth()
    {
        var describer = new SchemaDescriber(s_document);

        string nested = describer.Describe(s_document.Schemas["Holder"]!["properties"]!["nested"]);
        string free = describer.Describe(s_document.Schemas["Holder"]!["properties"]!["free"]);

        await Assert.That(nested).IsEqualTo("array<array<Token>>");
        await Assert.That(free).IsEqualTo("any");
    }

    [Test]
    public async Task CollectProperties_AllOfOverOneOf_FlattensWithUnionRequiredness()
    {
        SortedDictionary<string, CollectedProperty> properties = new SchemaDescriber(s_document).CollectProperties(s_document.Schemas["Message"]);

        string[] names = [.. properties.Keys];
        await Assert.That(names).IsEquivalentTo(["content", "role", "tool_calls"]);
        await Assert.That(properties["role"].Required).IsTrue();
        await Assert.That(properties["content"].Required).IsFalse();
        await Assert.That(properties["tool_calls"].Required).IsFalse();
    }

    [Test]
    public async Task EnumValues_RefToEnum_ReturnsTheValues()
    {
        SortedSet<string> values = new SchemaDescriber(s_document).EnumValues(s_document.Schemas["Holder"]!["properties"]!["reason"]);

        await Assert.That(values.ToArray()).IsEquivalentTo(["eos_token", "length"]);
    }
}
