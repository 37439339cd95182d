// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Kiota.Abstractions.Serialization;

namespace Tgi.Sdk.Benchmarks.Peers.Kiota;

/// <summary><c>StreamDetails</c> in Kiota's generated shape; as the generated models type it (finish reason a string, seed a decimal).</summary>
internal sealed class KiotaStreamDetails : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public string? FinishReason { get; set; }

    public int? GeneratedTokens { get; set; }

    public decimal? Seed { get; set; }

    public int? InputLength { get; set; }

    public static KiotaStreamDetails CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new KiotaStreamDetails();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "finish_reason", n => FinishReason = n.GetStringValue() },
        { "generated_tokens", n => GeneratedTokens = n.GetIntValue() },
        { "seed", n => Seed = n.GetDecimalValue() },
        { "input_length", n => InputLength = n.GetIntValue() },
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue("finish_reason", FinishReason);
        writer.WriteIntValue("generated_tokens", GeneratedTokens);
        writer.WriteDecimalValue("seed", Seed);
        writer.WriteIntValue("input_length", InputLength);
        writer.WriteAdditionalData(AdditionalData);
    }
}
