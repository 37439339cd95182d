// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Serialization;
using Tgi.Sdk;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Samples;

/// <summary>docs/usage/structured-output.md: grammar-constrained output on the native API.</summary>
public static partial class GrammarSample
{
    // snippet: grammar-regex
    public static async Task<string> RegexAsync(TgiClient client)
    {
        // Only text that matches the pattern can be generated.
        GenerateOptions options = new() { MaxNewTokens = 16, Grammar = TgiGrammar.Regex(@"((25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(25[0-5]|2[0-4]\d|[01]?\d\d?)") };
        GenerateResponse response = await client.GenerateAsync("The IP address of the local host is ", options);
        return response.GeneratedText;
    }
    // end-snippet

    // snippet: grammar-typed-generate
    public static async Task<Person> TypedAsync(TgiClient client)
    {
        // The schema comes from the source-generated JsonTypeInfo (no reflection), goes to TGI as a json grammar,
        // and the answer is parsed back into the type.
        TgiResult<Person> person = await client.GenerateAsync("A person, as JSON: ", GrammarJson.Default.Person, new GenerateOptions { MaxNewTokens = 100 });
        return person.Value;
    }

    public sealed record Person(string FirstName, string LastName, int NumCats);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]   // camelCase in the schema and the answer
    [JsonSerializable(typeof(Person))]
    internal sealed partial class GrammarJson : JsonSerializerContext;
    // end-snippet
}
