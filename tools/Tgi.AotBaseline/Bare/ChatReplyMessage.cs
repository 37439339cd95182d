// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.AotBaseline.Bare;

internal sealed record ChatReplyMessage(string? Role, string? Content);
