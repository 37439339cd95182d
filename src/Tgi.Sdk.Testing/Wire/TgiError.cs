// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>An error TGI reports as <c>ErrorResponse</c>, with its status and error_type.</summary>
internal sealed class TgiError : Exception
{
    public TgiError(int status, string errorType, string message)
        : base(message)
    {
        Status = status;
        ErrorType = errorType;
    }

    public TgiError()
        : this(StatusCodes.Status500InternalServerError, "incomplete_generation", "Incomplete generation")
    {
    }

    public TgiError(string message)
        : this(StatusCodes.Status422UnprocessableEntity, "validation", message)
    {
    }

    public TgiError(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status422UnprocessableEntity;
        ErrorType = "validation";
    }

    public int Status { get; }

    public string ErrorType { get; }

    public static TgiError Validation(string message) => new(422, "validation", "Input validation error: " + message);

    public static TgiError Overloaded() => new(429, "overloaded", "Model is overloaded");

    public static TgiError Generation(string message) => new(424, "generation", "Request failed during generation: " + message);

    public static TgiError Tool(string message) => new(422, "tool_error", "Tool error: " + message);

    public static TgiError Template(string message) => new(422, "template_error", "Template error: " + message);
}
