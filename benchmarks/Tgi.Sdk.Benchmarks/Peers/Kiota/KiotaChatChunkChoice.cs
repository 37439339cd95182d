// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Kiota.Abstractions.Serialization;
using Tgi.Generated.Models;

namespace Tgi.Sdk.Benchmarks.Peers.Kiota;

/// <summary>A streamed chat choice in Kiota's generated shape; logprobs use the generated class.</summary>
internal sealed class KiotaChatChunkChoice : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public int? Index { get; set; }

    public KiotaChatDelta? Delta { get; set; }

    public ChatCompletionLogprobs? Logprobs { get; set; }

    public string? FinishReason { get; set; }

    public static KiotaChatChunkChoice CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new KiotaChatChunkChoice();
    }

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "index", n => Index = n.GetIntValue() },
        { "delta", n => Delta = n.GetObjectValue(KiotaChatDelta.CreateFromDiscriminatorValue) },
        { "logprobs", n => Logprobs = n.GetObjectValue(ChatCompletionLogprobs.CreateFromDiscriminatorValue) },
        { "finish_reason", n => FinishReason = n.GetStringValue() },
    };

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteIntValue("index", Index);
        writer.WriteObjectValue("delta", Delta);
        writer.WriteObjectValue("logprobs", Logprobs);
        writer.WriteStringValue("finish_reason", FinishReason);
        writer.WriteAdditionalData(AdditionalData);
    }
}
