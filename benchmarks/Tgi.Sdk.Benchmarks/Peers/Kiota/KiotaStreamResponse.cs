// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Kiota.Abstractions.Serialization;
using Tgi.Generated.Models;

namespace Tgi.Sdk.Benchmarks.Peers.Kiota;

/// <summary>
/// <c>StreamResponse</c> in the shape Kiota generates for a model (Kiota skips SSE schemas, so this one is written
/// here; <see cref="Token"/> is the generated class).
/// </summary>
internal sealed class KiotaStreamResponse : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public int? Index { get; set; }

    public Token? Token { get; set; }

    public string? GeneratedText { get; set; }

    public KiotaStreamDetails? Details { get; set; }

    public static KiotaStreamResponse CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new KiotaStreamResponse();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "index", n => Index = n.GetIntValue() },
        { "token", n => Token = n.GetObjectValue(Token.CreateFromDiscriminatorValue) },
        { "generated_text", n => GeneratedText = n.GetStringValue() },
        { "details", n => Details = n.GetObjectValue(KiotaStreamDetails.CreateFromDiscriminatorValue) },
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteIntValue("index", Index);
        writer.WriteObjectValue("token", Token);
        writer.WriteStringValue("generated_text", GeneratedText);
        writer.WriteObjectValue("details", Details);
        writer.WriteAdditionalData(AdditionalData);
    }
}
