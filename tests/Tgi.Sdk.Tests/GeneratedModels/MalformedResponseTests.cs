// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.Json.Nodes;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.GeneratedModels;

/// <summary>
/// The generated models read whatever a server sends: every value of a full response replaced by every other JSON
/// kind must end as a result or a <see cref="TgiException"/>, never another exception.
/// </summary>
public class MalformedResponseTests
{
    private const string Generate =
        "{\"generated_text\":\" a\",\"details\":{\"finish_reason\":\"length\",\"generated_tokens\":1,\"seed\":3,"
        + "\"prefill\":[{\"id\":1,\"text\":\"<s>\",\"logprob\":null}],\"tokens\":[{\"id\":264,\"text\":\" a\",\"logprob\":-0.5,\"special\":false}],"
        + "\"top_tokens\":[[{\"id\":264,\"text\":\" a\",\"logprob\":-0.5,\"special\":false}]],"
        + "\"best_of_sequences\":[{\"generated_text\":\" b\",\"finish_reason\":\"eos_token\",\"generated_tokens\":1,\"seed\":4,\"prefill\":[],\"tokens\":[]}]}}";

    private const string Chat =
        "{\"object\":\"chat.completion\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"3.3.6\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\",\"tool_calls\":[{\"id\":\"0\",\"type\":\"function\","
        + "\"function\":{\"description\":null,\"name\":\"f\",\"arguments\":\"{}\"}}]},"
        + "\"logprobs\":{\"content\":[{\"token\":\"hi\",\"logprob\":-1,\"top_logprobs\":[{\"token\":\"hi\",\"logprob\":-1}]}]},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    private const string Completion =
        "{\"object\":\"text_completion\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"3.3.6\","
        + "\"choices\":[{\"index\":0,\"text\":\"x\",\"logprobs\":null,\"finish_reason\":\"length\"}],"
        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    private static readonly string[] s_replacements = ["5", "-1.5", "18446744073709551616", "\"x\"", "[]", "[1]", "{}", "null", "true"];

    public static IEnumerable<string> GenerateBodies() => Mutations(Generate);

    public static IEnumerable<string> ChatBodies() => Mutations(Chat);

    public static IEnumerable<string> CompletionBodies() => Mutations(Completion);

    [Test]
    [MethodDataSource(nameof(GenerateBodies))]
    public async Task GenerateAsync_AnyValueOfAnyKind_IsAResultOrATgiException(string body) =>
        await AssertResultOrTgiException(body, client => client.GenerateAsync("x", new GenerateOptions { Details = true }));

    [Test]
    [MethodDataSource(nameof(ChatBodies))]
    public async Task ChatAsync_AnyValueOfAnyKind_IsAResultOrATgiException(string body) =>
        await AssertResultOrTgiException(body, client => client.ChatAsync([ChatMessage.CreateUser("x")]));

    [Test]
    [MethodDataSource(nameof(CompletionBodies))]
    public async Task CompletionsAsync_AnyValueOfAnyKind_IsAResultOrATgiException(string body) =>
        await AssertResultOrTgiException(body, client => client.CompletionsAsync(["x", "y"]));

    private static async Task AssertResultOrTgiException(string body, Func<TgiClient, Task> call)
    {
        TgiClient client = ReplayHandler.Json(body).CreateClient();
        Exception? thrown = null;
        try
        {
            await call(client);
        }
        catch (Exception e)
        {
            thrown = e;
        }

        if (thrown is not null)
        {
            await Assert.That(thrown).IsTypeOf<TgiException>();
        }
    }

    // Every value in the document (objects and arrays too), replaced in turn by every replacement.
    private static IEnumerable<string> Mutations(string json)
    {
        JsonNode root = JsonNode.Parse(json)!;
        List<string> paths = [];
        Collect(root, "$", paths);
        foreach (string path in paths)
        {
            foreach (string replacement in s_replacements)
            {
                JsonNode copy = root.DeepClone();
                Replace(copy, path, JsonNode.Parse(replacement));
                yield return copy.ToJsonString();
            }
        }
    }

    private static void Collect(JsonNode? node, string path, List<string> paths)
    {
        if (path != "$")
        {
            paths.Add(path);
        }

        switch (node)
        {
            case JsonObject o:
                foreach (KeyValuePair<string, JsonNode?> property in o)
                {
                    Collect(property.Value, path + "." + property.Key, paths);
                }

                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    Collect(a[i], path + "[" + i + "]", paths);
                }

                break;
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        // path: $.a.b[0].c — walk to the parent, then set.
        List<string> parts = [.. path[1..].Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries)];
        JsonNode parent = root;
        for (int i = 0; i < parts.Count - 1; i++)
        {
            parent = parts[i].StartsWith('[') ? parent[int.Parse(parts[i][1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : parent[parts[i]]!;
        }

        string last = parts[^1];
        if (last.StartsWith('['))
        {
            parent[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[last] = value;
        }
    }
}
