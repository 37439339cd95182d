// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;

namespace Tgi.Sdk.Testing;

/// <summary>
/// Produces one string that a simple regular expression matches in full: literals, escapes (\d \w \s and escaped
/// punctuation), '.', classes with ranges and negation, groups, alternation (first branch), and the quantifiers
/// ? * + {n} {n,} {n,m}. Anchors are ignored because TGI's grammar always matches the whole output.
/// </summary>
internal sealed class RegexSampler
{
    private readonly string _pattern;
    private readonly StringBuilder _output = new();
    private int _position;

    private RegexSampler(string pattern) => _pattern = pattern;

    public static string Sample(string pattern)
    {
        var sampler = new RegexSampler(pattern);
        try
        {
            sampler.Alternation(sampler._output);
        }
        catch (Exception exception) when (exception is IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            // Beyond the supported subset: answer what was built so far rather than fail the request.
        }

        return sampler._output.ToString();
    }

    private bool AtEnd => _position >= _pattern.Length;

    private char Peek => _pattern[_position];

    private void Alternation(StringBuilder output)
    {
        // TGI: any branch is a valid answer; the first one keeps the output predictable.
        Sequence(output);
        while (!AtEnd && Peek == '|')
        {
            _position++;
            Sequence(new StringBuilder());
        }
    }

    private void Sequence(StringBuilder output)
    {
        while (!AtEnd && Peek != '|' && Peek != ')')
        {
            var atom = new StringBuilder();
            Atom(atom);
            (int min, int max) = Quantifier();
            int times = min > 0 ? min : Math.Min(1, max);
            for (int i = 0; i < times; i++)
            {
                output.Append(atom);
            }
        }
    }

    private (int Min, int Max) Quantifier()
    {
        if (AtEnd)
        {
            return (1, 1);
        }

        (int, int) result;
        switch (Peek)
        {
            case '?':
                _position++;
                result = (0, 1);
                break;
            case '*':
                _position++;
                result = (0, int.MaxValue);
                break;
            case '+':
                _position++;
                result = (1, int.MaxValue);
                break;
            case '{' when _pattern.IndexOf('}', _position) is int close and > 0:
                string body = _pattern[(_position + 1)..close];
                _position = close + 1;
                string[] parts = body.Split(',');
                int min = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                int max = parts.Length == 1 ? min : parts[1].Length == 0 ? int.MaxValue : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                result = (min, max);
                break;
            default:
                return (1, 1);
        }

        // Lazy and possessive suffixes do not change what matches.
        if (!AtEnd && Peek is '?' or '+')
        {
            _position++;
        }

        return result;
    }

    private void Atom(StringBuilder output)
    {
        char c = _pattern[_position++];
        switch (c)
        {
            case '(':
                if (!AtEnd && Peek == '?')
                {
                    // (?:...), (?<name>...), (?i) and friends: skip to the group body.
                    _position++;
                    if (!AtEnd && Peek == '<' && _pattern.IndexOf('>', _position) is int end and > 0)
                    {
                        _position = end + 1;
                    }
                    else if (!AtEnd)
                    {
                        _position++;
                    }
                }

                Alternation(output);
                if (!AtEnd && Peek == ')')
                {
                    _position++;
                }

                break;
            case '[':
                output.Append(ClassChar());
                break;
            case '.':
                output.Append('a');
                break;
            case '^' or '$':
                break;
            case '\\':
                output.Append(Escape(_pattern[_position++]));
                break;
            default:
                output.Append(c);
                break;
        }
    }

    private static string Escape(char c) => c switch
    {
        'd' => "4",
        'w' => "a",
        's' => " ",
        'D' or 'W' or 'S' => "-",
        'n' => "\n",
        't' => "\t",
        'b' or 'B' or 'A' or 'z' or 'Z' => string.Empty,
        _ => c.ToString(),
    };

    private char ClassChar()
    {
        bool negated = !AtEnd && Peek == '^';
        if (negated)
        {
            _position++;
        }

        var ranges = new List<(char From, char To)>();
        bool first = true;
        while (!AtEnd && (Peek != ']' || first))
        {
            first = false;
            char from = Next();
            char to = from;
            if (_position + 1 < _pattern.Length && Peek == '-' && _pattern[_position + 1] != ']')
            {
                _position++;
                to = Next();
            }

            ranges.Add((from, to));
        }

        _position++; // ']'
        if (!negated)
        {
            return ranges.Count > 0 ? ranges[0].From : 'a';
        }

        foreach (char candidate in "aZ0_-x")
        {
            if (!ranges.Exists(r => candidate >= r.From && candidate <= r.To))
            {
                return candidate;
            }
        }

        return '~';
    }

    private char Next()
    {
        char c = _pattern[_position++];
        if (c != '\\' || AtEnd)
        {
            return c;
        }

        char escaped = _pattern[_position++];
        return escaped switch
        {
            'd' => '0',
            'w' => 'a',
            's' => ' ',
            'n' => '\n',
            't' => '\t',
            _ => escaped,
        };
    }
}
