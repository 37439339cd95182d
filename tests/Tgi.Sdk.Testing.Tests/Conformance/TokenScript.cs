// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tgi.Sdk.Testing.Tests.Conformance;

/// <summary>Builds token scripts from recorded text.</summary>
internal static class TokenScript
{
    public static TgiGeneratedToken Eos(string text = "<|eot_id|>") => new(128009, text, -0.01f, special: true, isEndOfSequence: true);

    /// <summary>Splits text into exactly <paramref name="count"/> tokens (emulator word pieces, merged or padded with empty pieces).</summary>
    public static List<TgiGeneratedToken> Split(string text, int count)
    {
        var pieces = TgiGenerator.Tokenize(text, appendEos: false).Select(t => t.Text).ToList();
        if (count <= 0)
        {
            return [];
        }

        while (pieces.Count > count)
        {
            pieces[^2] += pieces[^1];
            pieces.RemoveAt(pieces.Count - 1);
        }

        while (pieces.Count < count)
        {
            pieces.Add(string.Empty);
        }

        return pieces.Select(Token).ToList();
    }

    public static TgiGeneratedToken Token(string text) => new(Math.Abs(text.GetHashCode(StringComparison.Ordinal) % 30000) + 3, text, -0.5f, special: false, isEndOfSequence: false);

    /// <summary>The model text under TGI's tool grammar for a recorded call: <c>{"function": {"_name": "n", "k": v, ...}}</c>.</summary>
    public static string ToolGrammarText(string name, JsonElement arguments)
    {
        var text = new StringBuilder("{\"function\": {\"_name\": \"").Append(name).Append('"');
        foreach (JsonProperty property in arguments.EnumerateObject())
        {
            text.Append(", ").Append(JsonSerializer.Serialize(property.Name, ConformanceJson.Default.String)).Append(": ").Append(property.Value.GetRawText());
        }

        return text.Append("}}").ToString();
    }

    public static string Version(string fingerprint)
    {
        int dash = fingerprint.LastIndexOf("-native", StringComparison.Ordinal);
        return dash > 0 ? fingerprint[..dash] : fingerprint;
    }

    /// <summary>The wire mode of a recorded version: a "-dev" build already speaks the next release.</summary>
    public static TgiWireVersion WireFor(string version)
    {
        string[] parts = version.Split('-')[0].Split('.');
        int major = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int minor = int.Parse(parts[1], CultureInfo.InvariantCulture);
        int patch = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
        var parsed = version.Contains("-dev", StringComparison.Ordinal) ? new Version(major, minor + 1, 0) : new Version(major, minor, patch);
        return parsed < new Version(2, 0, 4) ? TgiWireVersion.V2_0 : parsed < new Version(3, 2, 0) ? TgiWireVersion.V2_4 : TgiWireVersion.V3_3;
    }
}
