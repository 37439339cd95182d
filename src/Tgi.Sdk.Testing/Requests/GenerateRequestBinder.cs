// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>Binds <c>GenerateRequest</c> / <c>CompatGenerateRequest</c> the way serde would.</summary>
internal static class GenerateRequestBinder
{
    public static (string Inputs, GenerateParameters Parameters, bool Stream, bool ParametersOmitted) Bind(JsonElement root, WireProfile profile, bool compat)
    {
        JsonPath path = JsonPath.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.Invalid(root, compat ? "struct CompatGenerateRequest" : "struct GenerateRequest", path);
        }

        string inputs = JsonFields.RequiredString(root, "inputs", path);
        bool stream = compat && JsonFields.DefaultedBool(root, "stream", path, defaultValue: false);
        bool omitted = !root.TryGetProperty("parameters", out JsonElement parameters);
        GenerateParameters bound = omitted
            ? new GenerateParameters { DoSample = true } // TGI: §3 default_parameters() when "parameters" is absent.
            : BindParameters(parameters, path.Property("parameters"), profile);
        return (inputs, bound, stream, omitted);
    }

    public static GenerateParameters BindParameters(JsonElement obj, JsonPath path, WireProfile profile)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            // TGI: §2.2 "parameters": null is rejected (not an Option).
            throw JsonFields.Invalid(obj, "struct GenerateParameters", path);
        }

        var parameters = new GenerateParameters
        {
            BestOf = (int?)JsonFields.OptionalUnsigned(obj, "best_of", path, "usize", int.MaxValue),
            Temperature = JsonFields.OptionalF32(obj, "temperature", path),
            RepetitionPenalty = JsonFields.OptionalF32(obj, "repetition_penalty", path),
            FrequencyPenalty = JsonFields.OptionalF32(obj, "frequency_penalty", path),
            TopK = JsonFields.OptionalI32(obj, "top_k", path),
            TopP = JsonFields.OptionalF32(obj, "top_p", path),
            TypicalP = JsonFields.OptionalF32(obj, "typical_p", path),
            DoSample = JsonFields.DefaultedBool(obj, "do_sample", path, defaultValue: false),
            MaxNewTokens = JsonFields.OptionalU32(obj, "max_new_tokens", path),
            ReturnFullText = JsonFields.OptionalBool(obj, "return_full_text", path),
            Stop = JsonFields.StringList(obj, "stop", path, nullable: false) ?? [],
            Truncate = (int?)JsonFields.OptionalUnsigned(obj, "truncate", path, "usize", int.MaxValue),
            Details = JsonFields.DefaultedBool(obj, "details", path, defaultValue: false),
            DecoderInputDetails = JsonFields.DefaultedBool(obj, "decoder_input_details", path, defaultValue: false),
            Seed = JsonFields.OptionalU64(obj, "seed", path),
            TopNTokens = JsonFields.OptionalU32(obj, "top_n_tokens", path),
            Grammar = GrammarBinder.Bind(obj, "grammar", path, profile),
        };
        _ = JsonFields.DefaultedBool(obj, "watermark", path, defaultValue: false);
        _ = JsonFields.OptionalString(obj, "adapter_id", path);
        return parameters;
    }
}
