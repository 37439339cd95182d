// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Kiota.Abstractions.Serialization;

namespace Tgi.Sdk.Benchmarks.Peers.Kiota;

/// <summary>A streamed chat delta in Kiota's generated shape.</summary>
internal sealed class KiotaChatDelta : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public string? Role { get; set; }

    public string? Content { get; set; }

    public static KiotaChatDelta CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new KiotaChatDelta();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "role", n => Role = n.GetStringValue() },
        { "content", n => Content = n.GetStringValue() },
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("role", Role);
        writer.WriteStringValue("content", Content);
        writer.WriteAdditionalData(AdditionalData);
    }
}
