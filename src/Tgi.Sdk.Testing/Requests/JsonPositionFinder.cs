// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>Finds where serde would stop reading a value at a path, as a 1-based line and the byte column of the last character read.</summary>
internal static class JsonPositionFinder
{
    public static (int Line, int Column) Find(byte[] json, JsonPath path, bool atValueStart)
    {
        long end = FindEnd(json, path.Segments(), atValueStart);
        return LineColumnAt(json, (int)end);
    }

    public static (int Line, int Column) LineColumnAt(byte[] json, int offset)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    private static long FindEnd(byte[] json, List<object> segments, bool atValueStart)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 128 });
        try
        {
            if (!reader.Read())
            {
                return 0;
            }

            foreach (object segment in segments)
            {
                if (!Descend(ref reader, segment))
                {
                    return reader.BytesConsumed;
                }
            }

            if (atValueStart)
            {
                return reader.TokenStartIndex + 1;
            }

            // A scalar ends where the reader stands; a container ends after its closing bracket.
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            return reader.BytesConsumed;
        }
        catch (JsonException)
        {
            return json.Length;
        }
    }

    // Moves the reader onto the first token of the child named by the segment.
    private static bool Descend(ref Utf8JsonReader reader, object segment)
    {
        if (segment is string name && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    return true;
                }

                reader.Skip();
            }

            return false;
        }

        if (segment is int index && reader.TokenType == JsonTokenType.StartArray)
        {
            int current = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (current == index)
                {
                    return true;
                }

                reader.Skip();
                current++;
            }
        }

        return false;
    }
}
