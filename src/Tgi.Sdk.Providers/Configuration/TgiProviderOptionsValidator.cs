// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Options;

namespace Tgi.Sdk.Providers;

/// <summary>Validates one named provider's options at startup (<c>ValidateOnStart</c>).</summary>
internal sealed class TgiProviderOptionsValidator : IValidateOptions<TgiProviderOptions>
{
    private readonly string _name;
    private readonly string _path;

    /// <summary>Initializes a new instance for one named options instance.</summary>
    /// <param name="name">The options name.</param>
    /// <param name="path">The configuration path used in messages.</param>
    public TgiProviderOptionsValidator(string name, string path)
    {
        _name = name;
        _path = path;
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TgiProviderOptions options)
    {
        if (!string.Equals(name, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        List<string> errors = TgiProviderOptionsValidation.Validate(options, _path);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
