// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Kiota.Abstractions.Extensions;
using Microsoft.Kiota.Abstractions.Serialization;
using Tgi.Generated.Models;

namespace Tgi.Sdk.Benchmarks.Peers.Kiota;

/// <summary><c>ChatCompletionChunk</c> in Kiota's generated shape; <see cref="Usage"/> is the generated class.</summary>
internal sealed class KiotaChatCompletionChunk : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public string? Object { get; set; }

    public string? Id { get; set; }

    public long? Created { get; set; }

    public string? Model { get; set; }

    public string? SystemFingerprint { get; set; }

    public List<KiotaChatChunkChoice>? Choices { get; set; }

    public Usage? Usage { get; set; }

    public static KiotaChatCompletionChunk CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new KiotaChatCompletionChunk();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "object", n => Object = n.GetStringValue() },
        { "id", n => Id = n.GetStringValue() },
        { "created", n => Created = n.GetLongValue() },
        { "model", n => Model = n.GetStringValue() },
        { "system_fingerprint", n => SystemFingerprint = n.GetStringValue() },
        { "choices", n => Choices = n.GetCollectionOfObjectValues(KiotaChatChunkChoice.CreateFromDiscriminatorValue)?.AsList() },
        { "usage", n => Usage = n.GetObjectValue(Usage.CreateFromDiscriminatorValue) },
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("object", Object);
        writer.WriteStringValue("id", Id);
        writer.WriteLongValue("created", Created);
        writer.WriteStringValue("model", Model);
        writer.WriteStringValue("system_fingerprint", SystemFingerprint);
        writer.WriteCollectionOfObjectValues("choices", Choices);
        writer.WriteObjectValue("usage", Usage);
        writer.WriteAdditionalData(AdditionalData);
    }
}
