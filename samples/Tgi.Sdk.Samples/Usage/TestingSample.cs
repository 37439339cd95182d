// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Samples;

/// <summary>docs/usage/testing.md: your own code against the emulator, including an old TGI and an overloaded one.</summary>
public static class TestingSample
{
    /// <summary>The code under test: a summary with a fallback when the server is busy.</summary>
    public static async Task<string> SummarizeAsync(TgiClient client, string text)
    {
        try
        {
            ChatCompletion completion = await client.ChatAsync([ChatMessage.CreateUser($"Summarize: {text}")], new ChatCompletionOptions { MaxTokens = 32 });
            return completion.Content ?? "";
        }
        catch (TgiException e) when (e.IsRetryable)
        {
            return "(busy, try again)";
        }
    }

    // snippet: testing-own-code
    public static async Task<(string Busy, string Answer, string Body)> RunAsync()
    {
        // An old server (TGI 2.4 wire format) with a fixed answer, on a free loopback port.
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            WireVersion = TgiWireVersion.V2_4,
            Generator = TgiGenerator.Scripted("A", " short", " summary."),
        });
        TgiClient client = new(tgi.BaseAddress);

        tgi.Faults.OverloadNextRequests = 1;   // the next request gets TGI's 429 "Model is overloaded"
        string busy = await SummarizeAsync(client, "a long text");
        string answer = await SummarizeAsync(client, "a long text");

        // What your code sent, byte for byte, to assert on.
        string body = tgi.ReceivedRequests[^1].Body;
        return (busy, answer, body);
    }
    // end-snippet
}
