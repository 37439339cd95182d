// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>Binds <c>CompletionRequest</c> as serde does.</summary>
internal static class CompletionRequestBinder
{
    public static CompletionRequest Bind(JsonElement root, WireProfile profile)
    {
        JsonPath path = JsonPath.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.Invalid(root, "struct CompletionRequest", path);
        }

        // TGI: §12 model is required before 2.2.0.
        bool hasModel = root.TryGetProperty("model", out _);
        _ = profile.ModelRequired && hasModel ? JsonFields.RequiredString(root, "model", path) : JsonFields.OptionalString(root, "model", path);
        if (!root.TryGetProperty("prompt", out JsonElement prompt))
        {
            throw new BindException(path, "missing field `prompt`");
        }

        var request = new CompletionRequest();
        JsonPath promptPath = path.Property("prompt");
        if (prompt.ValueKind == JsonValueKind.String)
        {
            request.Prompts.Add(prompt.GetString()!);
        }
        else if (prompt.ValueKind == JsonValueKind.Array)
        {
            if (prompt.GetArrayLength() == 0)
            {
                throw new BindException(promptPath, "Empty array detected. Do not use an empty array for the prompt.");
            }

            foreach (JsonElement item in prompt.EnumerateArray())
            {
                request.Prompts.Add(item.ValueKind == JsonValueKind.String
                    ? item.GetString()!
                    : throw new BindException(promptPath, "data did not match any variant of untagged enum Prompt"));
            }
        }
        else
        {
            throw new BindException(promptPath, "data did not match any variant of untagged enum Prompt");
        }

        request.MaxTokens = JsonFields.OptionalU32(root, "max_tokens", path);
        request.Temperature = JsonFields.OptionalF32(root, "temperature", path);
        request.TopP = JsonFields.OptionalF32(root, "top_p", path);
        request.Stream = JsonFields.DefaultedBool(root, "stream", path, defaultValue: false);
        request.Seed = JsonFields.OptionalU64(root, "seed", path);
        request.RepetitionPenalty = JsonFields.OptionalF32(root, "repetition_penalty", path);
        request.FrequencyPenalty = JsonFields.OptionalF32(root, "frequency_penalty", path);
        // TGI: §12 stop is a field from 2.0.4; before, an unknown field (ignored).
        request.Stop = profile.CompletionStop ? JsonFields.StringList(root, "stop", path, nullable: true) : null;
        request.HasSuffix = JsonFields.OptionalString(root, "suffix", path) is not null;
        if (profile.ModelRequired && !hasModel)
        {
            // serde reports a missing field after reading the whole object.
            throw new BindException(path, "missing field `model`");
        }

        return request;
    }
}
