// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>The kind of a message content part.</summary>
public enum ChatContentPartKind
{
    /// <summary>A text part: <c>{"type":"text","text":…}</c>.</summary>
    Text,

    /// <summary>An image part: <c>{"type":"image_url","image_url":{"url":…}}</c>.</summary>
    ImageUrl,
}
