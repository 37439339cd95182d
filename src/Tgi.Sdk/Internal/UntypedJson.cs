// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Tgi.Sdk.Internal;

/// <summary>
/// Converts between the generated client's <see cref="UntypedNode"/> (what Kiota makes of a schema-free value such as
/// a tool's JSON Schema, tool-call arguments or <c>top_tokens</c>) and the JSON and text the facade exposes.
/// </summary>
internal static class UntypedJson
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Turns a JSON value into an untyped node, keeping every number exactly (Kiota reads them as int, long or decimal).</summary>
    public static UntypedNode FromJson(JsonElement element) =>
        new JsonParseNode(element).GetObjectValue(UntypedNode.CreateFromDiscriminatorValue) ?? new UntypedNull();

    /// <summary>Writes an untyped node as compact JSON text.</summary>
    public static string ToJsonText(UntypedNode node)
    {
        ArrayBufferWriter<byte> buffer = new(64);
        using (Utf8JsonWriter writer = new(buffer, s_writerOptions))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A string value as itself; any other value as its JSON text; null or absent as null.</summary>
    /// <remarks>TGI: tool-call arguments are a JSON string from 3.2 and a JSON object before.</remarks>
    public static string? ToStringOrJson(UntypedNode? node) => node switch
    {
        null or UntypedNull => null,
        UntypedString s => s.GetValue(),
        _ => ToJsonText(node),
    };

    /// <summary>An id as text: a string as itself, an integer in invariant digits (TGI ≤2.0.3 sent the integer 0).</summary>
    public static string? ToIdText(UntypedNode? node) => node switch
    {
        null or UntypedNull => null,
        UntypedString s => s.GetValue(),
        UntypedInteger i => i.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedLong l => l.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedDecimal d => d.GetValue().ToString(CultureInfo.InvariantCulture),
        _ => ToJsonText(node),
    };

    /// <summary>Reads a number as a 32-bit integer, or 0 when it is not one.</summary>
    public static int ToInt32(UntypedNode? node) => node switch
    {
        UntypedInteger i => i.GetValue(),
        UntypedLong l when l.GetValue() is >= int.MinValue and <= int.MaxValue => (int)l.GetValue(),
        UntypedDecimal d when d.GetValue() is >= int.MinValue and <= int.MaxValue && decimal.Truncate(d.GetValue()) == d.GetValue() => (int)d.GetValue(),
        _ => 0,
    };

    /// <summary>Reads a number as a float; null for JSON null (TGI writes non-finite log-probabilities as null).</summary>
    public static float? ToSingle(UntypedNode? node) => node switch
    {
        UntypedInteger i => i.GetValue(),
        UntypedLong l => l.GetValue(),
        UntypedDecimal d => (float)d.GetValue(),
        UntypedDouble d => (float)d.GetValue(),
        UntypedFloat f => f.GetValue(),
        _ => null,
    };

    private static void Write(Utf8JsonWriter writer, UntypedNode node)
    {
        switch (node)
        {
            case UntypedObject o:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, UntypedNode> property in o.GetValue())
                {
                    writer.WritePropertyName(property.Key);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case UntypedArray a:
                writer.WriteStartArray();
                foreach (UntypedNode item in a.GetValue())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case UntypedString s:
                writer.WriteStringValue(s.GetValue());
                break;
            case UntypedBoolean b:
                writer.WriteBooleanValue(b.GetValue());
                break;
            case UntypedInteger i:
                writer.WriteNumberValue(i.GetValue());
                break;
            case UntypedLong l:
                writer.WriteNumberValue(l.GetValue());
                break;
            case UntypedDecimal d:
                writer.WriteNumberValue(d.GetValue());
                break;
            case UntypedDouble d when double.IsFinite(d.GetValue()):
                writer.WriteNumberValue(d.GetValue());
                break;
            case UntypedFloat f when float.IsFinite(f.GetValue()):
                writer.WriteNumberValue(f.GetValue());
                break;
            default:
                // UntypedNull, and numbers beyond double's range (Kiota reads 1e400 as infinity).
                writer.WriteNullValue();
                break;
        }
    }
}
