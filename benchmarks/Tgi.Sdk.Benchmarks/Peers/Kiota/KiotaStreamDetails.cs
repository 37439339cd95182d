// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Kiota.Abstractions.Serialization;
using KiotaFinishReason = Tgi.Generated.Models.FinishReason;

namespace Tgi.Sdk.Benchmarks.Peers.Kiota;

/// <summary><c>StreamDetails</c> in Kiota's generated shape; the finish reason is the generated enum.</summary>
internal sealed class KiotaStreamDetails : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public KiotaFinishReason? FinishReason { get; set; }

    public int? GeneratedTokens { get; set; }

    public long? Seed { get; set; }

    public int? InputLength { get; set; }

    public static KiotaStreamDetails CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new KiotaStreamDetails();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "finish_reason", n => FinishReason = n.GetEnumValue<KiotaFinishReason>() },
        { "generated_tokens", n => GeneratedTokens = n.GetIntValue() },
        { "seed", n => Seed = n.GetLongValue() },
        { "input_length", n => InputLength = n.GetIntValue() },
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEnumValue("finish_reason", FinishReason);
        writer.WriteIntValue("generated_tokens", GeneratedTokens);
        writer.WriteLongValue("seed", Seed);
        writer.WriteIntValue("input_length", InputLength);
        writer.WriteAdditionalData(AdditionalData);
    }
}
