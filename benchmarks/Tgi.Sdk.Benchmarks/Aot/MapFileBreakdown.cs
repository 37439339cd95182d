// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Xml;

namespace Tgi.Sdk.Benchmarks.Aot;

/// <summary>
/// Where a Native AOT binary's bytes go, from the ILCompiler map file (IlcGenerateMapFile): every node's length,
/// grouped by the assembly its mangled name starts with (or, for runtime data, by node kind). Comparing two apps'
/// breakdowns shows what a library adds.
/// </summary>
internal static class MapFileBreakdown
{
    // Libraries: a node that mentions one (a generic over a Kiota type, say) exists because of it.
    private static readonly string[] s_libraries =
    [
        "Microsoft_Kiota_Abstractions", "Microsoft_Kiota_Http_HttpClientLibrary", "Microsoft_Kiota_Serialization_Json",
        "Microsoft_Kiota_Serialization_Text", "Microsoft_Kiota", "Std_UriTemplate", "Tgi_Generated", "Tgi_Sdk", "Tgi_AotBaseline",
    ];

    // Framework assemblies (mangled names): a node goes to the one its name starts with.
    private static readonly string[] s_framework =
    [
        "S_P_CoreLib", "System_Text_Json", "System_Net_Http", "System_Net_ServerSentEvents", "System_Linq", "System_Collections",
        "System_Net_Primitives", "System_Net_Sockets", "System_Net_Security", "System_Private_Uri", "System_Diagnostics",
        "System_Memory", "System_Text_Encodings_Web", "System_Security", "System_Runtime", "System_Console", "System_Threading",
        "System_IO", "System_Text_RegularExpressions",
    ];

    public static Dictionary<string, long> Read(string mapPath)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        using XmlReader reader = XmlReader.Create(mapPath, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.GetAttribute("Length") is not { } length || reader.GetAttribute("Name") is not { } name)
            {
                continue;
            }

            string group = Classify(reader.LocalName, name);
            sizes[group] = sizes.GetValueOrDefault(group) + long.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
        }

        return sizes;
    }

    private static string Classify(string kind, string name)
    {
        foreach (string library in s_libraries)
        {
            if (name.Contains(library, StringComparison.Ordinal))
            {
                return library.Replace('_', '.');
            }
        }

        int best = int.MaxValue;
        string? group = null;
        foreach (string assembly in s_framework)
        {
            int at = name.IndexOf(assembly, StringComparison.Ordinal);
            if (at >= 0 && at < best)
            {
                best = at;
                group = assembly == "S_P_CoreLib" ? "System.Private.CoreLib" : assembly.Replace('_', '.');
            }
        }

        return group ?? $"({kind})";
    }
}
