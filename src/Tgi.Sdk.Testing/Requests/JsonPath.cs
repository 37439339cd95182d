// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;

namespace Tgi.Sdk.Testing;

/// <summary>An immutable path into a request body, printed the way serde_path_to_error prints it (<c>messages[0].content</c>).</summary>
internal sealed class JsonPath
{
    private readonly JsonPath? _parent;
    private readonly string? _property;
    private readonly int _index;

    private JsonPath(JsonPath? parent, string? property, int index)
    {
        _parent = parent;
        _property = property;
        _index = index;
    }

    public static JsonPath Root { get; } = new(null, null, -1);

    public bool IsRoot => _parent is null;

    public JsonPath Property(string name) => new(this, name, -1);

    public JsonPath Index(int index) => new(this, null, index);

    /// <summary>The segments from the root, for locating the value in the raw bytes.</summary>
    public List<object> Segments()
    {
        var segments = new List<object>();
        for (JsonPath? current = this; current is { _parent: not null }; current = current._parent)
        {
            segments.Add(current._property is { } name ? name : current._index);
        }

        segments.Reverse();
        return segments;
    }

    public override string ToString()
    {
        if (IsRoot)
        {
            return ".";
        }

        var builder = new StringBuilder();
        foreach (object segment in Segments())
        {
            if (segment is int index)
            {
                builder.Append('[').Append(index).Append(']');
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append((string)segment);
            }
        }

        return builder.ToString();
    }
}
