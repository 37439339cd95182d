// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.AotBaseline.Bare;

internal sealed record GenerateReply(string GeneratedText);
