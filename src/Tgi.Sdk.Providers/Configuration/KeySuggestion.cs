// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;

namespace Tgi.Sdk.Providers;

/// <summary>Spelling-insensitive key matching and "did you mean" suggestions for configuration keys.</summary>
internal static class KeySuggestion
{
    /// <summary>
    /// The form two spellings of one key share: lower case without <c>_</c> or <c>-</c>, so <c>base_url</c>,
    /// <c>BaseUrl</c> and <c>BASE-URL</c> are the same key.
    /// </summary>
    public static string Normalize(string key)
    {
        StringBuilder builder = new(key.Length);
        foreach (char c in key)
        {
            if (c is not ('_' or '-'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The snake_case spelling of a PascalCase name: <c>BaseUrl</c> becomes <c>base_url</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        StringBuilder builder = new(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The known name closest to an unknown key, written in the key's own style (snake_case for a key with an
    /// underscore or all in lower case), or null when nothing is close enough to be a typo.
    /// </summary>
    public static string? Closest(string key, IEnumerable<string> known)
    {
        string normalized = Normalize(key);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string name in known)
        {
            int distance = Distance(normalized, Normalize(name));
            if (distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }

        // A typo is a few edits away; anything further is a different word, and a suggestion would mislead.
        int allowed = Math.Max(2, normalized.Length / 3);
        if (best is null || bestDistance > allowed)
        {
            return null;
        }

        bool snake = key.Contains('_', StringComparison.Ordinal) || key.ToLowerInvariant() == key;
        return snake ? ToSnakeCase(best) : best;
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions).</summary>
    private static int Distance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
