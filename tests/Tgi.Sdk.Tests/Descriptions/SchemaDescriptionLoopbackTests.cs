// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Emulator;

namespace Tgi.Sdk.Tests.Descriptions;

/// <summary>[Description] on types and properties reaches the schema TGI receives, for tools, grammars and typed output.</summary>
public class SchemaDescriptionLoopbackTests
{
    private static readonly ChatMessage[] s_ask = [ChatMessage.CreateUser("Book me a hotel.")];

    [Test]
    public async Task TgiToolCreate_DescribedArguments_SchemaTgiReceivesCarriesTheDescriptions()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        ChatCompletionOptions options = new() { MaxTokens = 300, ToolChoice = ChatToolChoice.Required };
        options.Tools.Add(TgiTool.Create("book_hotel", "Books a hotel.", DescribedJsonContext.Default.HotelBooking));

        await tgi.Client.ChatAsync(s_ask, options);

        JsonElement parameters = Body(tgi, 0).GetProperty("tools")[0].GetProperty("function").GetProperty("parameters");
        await AssertDescribedAsync(parameters);
    }

    [Test]
    public async Task TgiGrammarJson_DescribedType_GrammarTgiReceivesCarriesTheDescriptions()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        await tgi.Client.GenerateAsync("A booking as JSON:", new GenerateOptions { MaxNewTokens = 300, Grammar = TgiGrammar.Json(DescribedJsonContext.Default.HotelBooking) });

        await AssertDescribedAsync(Body(tgi, 0).GetProperty("parameters").GetProperty("grammar").GetProperty("value"));
    }

    [Test]
    public async Task ChatAsyncT_DescribedType_ResponseFormatCarriesTheDescriptions_AndTheAnswerReads()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        HotelBooking booking = await tgi.Client.ChatAsync(s_ask, DescribedJsonContext.Default.HotelBooking, new ChatCompletionOptions { MaxTokens = 300 });

        await Assert.That(booking.City).IsNotNull();
        await AssertDescribedAsync(Body(tgi, 0).GetProperty("response_format").GetProperty("value"));
    }

    [Test]
    public async Task GenerateAsyncT_DescribedType_GrammarCarriesTheDescriptions()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        HotelBooking booking = await tgi.Client.GenerateAsync("A booking as JSON:", DescribedJsonContext.Default.HotelBooking, new GenerateOptions { MaxNewTokens = 300 });

        await Assert.That(booking.Guest.Name).IsNotNull();
        await AssertDescribedAsync(Body(tgi, 0).GetProperty("parameters").GetProperty("grammar").GetProperty("value"));
    }

    [Test]
    public async Task Descriptions_LeaveRequiredAndNullableAsTheExporterWritesThem()
    {
        JsonNode plain = DescribedJsonContext.Default.HotelBooking.GetJsonSchemaAsNode(new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        JsonNode described = JsonNode.Parse(TgiTool.Create("book_hotel", null, DescribedJsonContext.Default.HotelBooking).FunctionParameters.GetRawText())!;

        StripDescriptions(described);

        await Assert.That(JsonNode.DeepEquals(plain, described)).IsTrue();
        await Assert.That(described["required"]!.AsArray().Select(n => n!.GetValue<string>())).IsEquivalentTo(["city", "nights", "note", "guest", "extras"]);
        await Assert.That(described["properties"]!["note"]!["type"]!.ToJsonString()).IsEqualTo("[\"string\",\"null\"]");
        await Assert.That(described["properties"]!["city"]!["type"]!.ToJsonString()).IsEqualTo("\"string\"");
    }

    private static JsonElement Body(Loopback tgi, int index) => JsonDocument.Parse(tgi.Emulator.ReceivedRequests[index].Body).RootElement;

    private static async Task AssertDescribedAsync(JsonElement schema)
    {
        JsonElement properties = schema.GetProperty("properties");
        await Assert.That(schema.GetProperty("description").GetString()).IsEqualTo("A hotel booking request.");
        await Assert.That(properties.GetProperty("city").GetProperty("description").GetString()).IsEqualTo("The city to book in.");
        await Assert.That(properties.GetProperty("nights").GetProperty("description").GetString()).IsEqualTo("Nights to stay, at least one.");
        await Assert.That(properties.GetProperty("note").GetProperty("description").GetString()).IsEqualTo("A note for the front desk, if any.");
        await Assert.That(properties.GetProperty("note").GetProperty("type").GetRawText()).IsEqualTo("[\"string\",\"null\"]");
        await Assert.That(properties.GetProperty("guest").GetProperty("description").GetString()).IsEqualTo("The guest who stays.");
        await Assert.That(properties.GetProperty("guest").GetProperty("properties").GetProperty("name").GetProperty("description").GetString()).IsEqualTo("The guest's full name.");
        await Assert.That(properties.GetProperty("extras").TryGetProperty("description", out _)).IsFalse();
    }

    private static void StripDescriptions(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            obj.Remove("description");
            foreach (KeyValuePair<string, JsonNode?> member in obj)
            {
                StripDescriptions(member.Value);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonNode? item in array)
            {
                StripDescriptions(item);
            }
        }
    }
}
