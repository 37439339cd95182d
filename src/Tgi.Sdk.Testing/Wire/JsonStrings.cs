// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>JSON string quoting without the reflection serializer (AOT-safe), escaping as serde_json does (UTF-8 kept).</summary>
internal static class JsonStrings
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Quote(string value)
    {
        var buffer = new ArrayBufferWriter<byte>(value.Length + 8);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            writer.WriteStringValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
