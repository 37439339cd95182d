// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>Why a sequence stopped (TGI's native names: length, eos_token, stop_sequence).</summary>
internal enum FinishReason
{
    Length,
    EosToken,
    StopSequence,
}
