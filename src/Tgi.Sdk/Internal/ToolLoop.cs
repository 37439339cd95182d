// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Internal;

/// <summary>The state of one run of a tool loop: the growing conversation, the tools by name, and the round count.</summary>
internal sealed class ToolLoop
{
    private readonly Dictionary<string, ChatTool> _tools;

    private ToolLoop(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, int maxRounds)
    {
        Messages = [.. messages];
        Options = options.Clone();
        MaxRounds = maxRounds;
        _tools = new Dictionary<string, ChatTool>(StringComparer.Ordinal);
        foreach (ChatTool tool in Options.Tools)
        {
            _tools[tool.FunctionName] = tool;
        }
    }

    /// <summary>Gets the conversation so far.</summary>
    public List<ChatMessage> Messages { get; }

    /// <summary>Gets the options of the next request (a copy of the caller's).</summary>
    public ChatCompletionOptions Options { get; }

    /// <summary>Gets the most chat requests the loop may make.</summary>
    public int MaxRounds { get; }

    /// <summary>Gets the number of chat requests made so far.</summary>
    public int Round { get; private set; }

    /// <summary>Checks the arguments of a loop call, eagerly.</summary>
    /// <returns>The messages, copied.</returns>
    public static ChatMessage[] Validate(IEnumerable<ChatMessage> messages, ChatCompletionOptions options, int maxRounds)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRounds, 1);
        if (options.Tools.Count == 0)
        {
            throw new ArgumentException("A tool loop needs tools: add them, with handlers, to options.Tools.", nameof(options));
        }

        foreach (ChatTool tool in options.Tools)
        {
            if (!tool.HasHandler)
            {
                throw new ArgumentException($"The tool '{tool.FunctionName}' has no handler; create it with TgiTool.Create(…, handler) to use it in a tool loop.", nameof(options));
            }
        }

        ChatMessage[] copy = [.. messages];
        if (Array.IndexOf(copy, null) >= 0)
        {
            throw new ArgumentException("The messages must not contain null.", nameof(messages));
        }

        return copy;
    }

    /// <summary>Starts a run.</summary>
    public static ToolLoop Start(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, int maxRounds) => new(messages, options, maxRounds);

    /// <summary>Counts the request about to be made.</summary>
    public void BeginRound() => Round++;

    /// <summary>Gets whether the round limit forbids running the calls of this round.</summary>
    public bool AtLimit => Round >= MaxRounds;

    /// <summary>Finds the tool a call names.</summary>
    /// <exception cref="TgiException">The model named a function that is not one of the tools.</exception>
    public ChatTool Find(ChatToolCall call) =>
        _tools.TryGetValue(call.FunctionName, out ChatTool? tool)
            ? tool
            : throw StructuredOutput.Invalid($"The model called '{call.FunctionName}'", null, "which is not one of the tools", call.ArgumentsJson, null, null);

    /// <summary>Appends the assistant's tool-call turn, in the form the server accepts.</summary>
    public void AppendToolTurn(ChatCompletion completion)
    {
        // TGI ≥3.1.1 accepts {"role":"assistant","tool_calls":[…]} with no content, and a string content would win over
        // the calls, so none is sent. Before 3.1.1 content was required (422 "missing field `content`") and tool_calls
        // was not read: the turn is replayed as the text the model wrote under the tool grammar, which is exactly what
        // it generated, and the calls ride along for servers that read them (API.md §5.1, §11.8).
        if (ServerVersion.AcceptsToolCallsWithoutContent(completion.SystemFingerprint))
        {
            Messages.Add(ChatMessage.CreateAssistant(completion.ToolCalls));
        }
        else
        {
            string text = string.Join('\n', completion.ToolCalls.Select(ToolCallResolver.ToGrammarText));
            Messages.Add(ChatMessage.CreateAssistant(text, completion.ToolCalls));
        }
    }

    /// <summary>Appends a tool's result.</summary>
    public void AppendToolResult(ChatToolCall call, string result) => Messages.Add(ChatMessage.CreateTool(call.Id, result ?? string.Empty));

    /// <summary>Prepares the next round after tool results were appended.</summary>
    public void AfterToolRound()
    {
        // A forced choice ("required" or a named function) would force another call every round; once the model has a
        // tool result it may answer, so later rounds use "auto" (TGI then lets it pick no_tool and answer, API.md §5.5).
        if (Options.ToolChoice is { } choice && (choice.Keyword is null || choice == ChatToolChoice.Required))
        {
            Options.ToolChoice = ChatToolChoice.Auto;
        }
    }

    /// <summary>Finishes the run.</summary>
    public ChatToolLoopResult Finish(ChatCompletion completion)
    {
        if (completion.ToolCalls.Count == 0)
        {
            Messages.Add(ChatMessage.CreateAssistant(completion.Content ?? string.Empty));
            return new ChatToolLoopResult(completion, Messages, Round, ChatToolLoopStopReason.Answered);
        }

        return new ChatToolLoopResult(completion, Messages, Round, ChatToolLoopStopReason.MaxRoundsReached);
    }
}
