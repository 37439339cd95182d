// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>One token of the emulator's tokenizer, with UTF-8 byte offsets into the source text (TGI /tokenize).</summary>
internal readonly record struct TokenSpan(int Id, string Text, int Start, int Stop, bool Special);
