// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Samples;

/// <summary>The emulator package's README: start it, and script what its model answers.</summary>
public static class EmulatorScripting
{
    // snippet: emulator-start
    public static async Task<HttpResponseMessage> StartAsync()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        using HttpClient http = new() { BaseAddress = tgi.BaseAddress };
        return await http.GetAsync(new Uri("/health", UriKind.Relative));
    }
    // end-snippet

    // snippet: emulator-script
    public static TgiEmulatorOptions ScriptedOptions(bool longStreams, bool toolAware)
    {
        TgiEmulatorOptions options = new() { Generator = TgiGenerator.Scripted("Hello", " world") };   // then </s>
        if (longStreams)
        {
            options.Generator = TgiGenerator.Repeat(" tok", 10_000);
        }

        if (toolAware)
        {
            options.Generator = TgiGenerator.Create(request => request.ToolGrammar.Count > 0
                ? new TgiGeneration(TgiGenerator.Tokenize("""{"function": {"_name": "get_weather", "city": "Paris"}}"""))
                : new TgiGeneration(TgiGenerator.Tokenize("Sunny.")));
        }

        return options;
    }
    // end-snippet
}
