// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Samples;

/// <summary>docs/usage/generate.md: one native <c>/generate</c> call with details, and the timing headers.</summary>
public static class GenerateSample
{
    // snippet: generate
    public static async Task<GenerateResponse> RunAsync(TgiClient client)
    {
        GenerateOptions options = new()
        {
            MaxNewTokens = 32,        // TGI's own default is "until EOS or the context is full"
            Temperature = 0.7f,       // any sampling parameter switches TGI to sampling
            Seed = 42,                // reproducible sampling
            Details = true,           // finish reason, token count, seed and every token (TGI's default is false)
        };
        options.StopSequences.Add("\n\n");   // TGI keeps the matched stop text in generated_text

        TgiResult<GenerateResponse> result = await client.GenerateAsync("Write a haiku about GPUs.", options);
        GenerateResponse response = result.Value;
        Console.WriteLine(response.GeneratedText);
        Console.WriteLine($"{response.Details?.FinishReason}, {response.Details?.GeneratedTokens} tokens");

        // TGI's x-* response headers: where the time went on the server.
        TgiRawResponse raw = result.GetRawResponse();
        Console.WriteLine($"queue {raw.QueueTime}, inference {raw.InferenceTime}, per token {raw.TimePerToken}");
        return response;
    }
    // end-snippet
}
