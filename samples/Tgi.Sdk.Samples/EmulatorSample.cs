// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Samples;

/// <summary>The README's emulator: test your own code against a fake TGI on loopback (Tgi.Sdk.Testing).</summary>
public static class EmulatorSample
{
    // snippet: emulator
    public static async Task<string> RunAsync()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { WireVersion = TgiWireVersion.V2_4 });
        TgiClient client = new(tgi.BaseAddress);

        TgiResult<GenerateResponse> answer = await client.GenerateAsync("Hello", new GenerateOptions { MaxNewTokens = 8 });
        return answer.Value.GeneratedText;
    }
    // end-snippet
}
