// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>One part of a multi-part message: text or an image URL.</summary>
/// <remarks>TGI: text parts are concatenated; images become <c>![](url)</c> in the prompt.</remarks>
public sealed class ChatContentPart
{
    private ChatContentPart(ChatContentPartKind kind, string value)
    {
        Kind = kind;
        if (kind == ChatContentPartKind.Text)
        {
            Text = value;
        }
        else
        {
            ImageUrl = value;
        }
    }

    /// <summary>Gets the kind of the part.</summary>
    public ChatContentPartKind Kind { get; }

    /// <summary>Gets the text of a text part.</summary>
    public string? Text { get; }

    /// <summary>Gets the URL of an image part (http(s) or a <c>data:</c> URL).</summary>
    public string? ImageUrl { get; }

    /// <summary>Creates a text part.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The part.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ChatContentPart CreateText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ChatContentPart(ChatContentPartKind.Text, text);
    }

    /// <summary>Creates an image part from a URL (http(s) or <c>data:image/png;base64,…</c>).</summary>
    /// <param name="url">The image URL.</param>
    /// <returns>The part.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public static ChatContentPart CreateImageUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new ChatContentPart(ChatContentPartKind.ImageUrl, url);
    }

    /// <summary>Creates an image part from a URL.</summary>
    /// <param name="url">The image URL.</param>
    /// <returns>The part.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public static ChatContentPart CreateImageUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new ChatContentPart(ChatContentPartKind.ImageUrl, url.OriginalString);
    }
}
