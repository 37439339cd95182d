// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.AotBaseline.Bare;

internal sealed record StreamToken(int Id, string Text, bool Special);
