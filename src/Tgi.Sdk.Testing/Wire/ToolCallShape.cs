// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>How a non-stream tool call looks, which changed across TGI releases.</summary>
internal enum ToolCallShape
{
    /// <summary>1.4.3–2.0.0: <c>id</c> integer 0, <c>function.name</c> literally "tools", arguments under <c>parameters</c>.</summary>
    NamedToolsWithParameters,

    /// <summary>2.0.1–2.0.3: <c>id</c> integer 0, real name, <c>arguments</c> as an object.</summary>
    IntegerIdArgumentsObject,

    /// <summary>2.0.4–3.1: <c>id</c> "0", <c>arguments</c> as an object.</summary>
    StringIdArgumentsObject,

    /// <summary>3.2 and later: <c>arguments</c> is compact JSON text (OpenAI-compatible).</summary>
    ArgumentsString,
}
