// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Infrastructure;

/// <summary>
/// Routes Ctrl+C. While an answer runs (<see cref="BeginAnswer"/>), an interrupt stops only that answer; otherwise it
/// ends the session (every command's cancellation token). The program calls <see cref="Interrupt"/> from
/// <see cref="Console.CancelKeyPress"/>; tests call it directly.
/// </summary>
internal sealed class Interrupts
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _session = new();
    private CancellationTokenSource? _answer;

    /// <summary>Gets the token that an interrupt with no answer running cancels.</summary>
    public CancellationToken Session => _session.Token;

    /// <summary>Gets a value indicating whether an answer is running (an interrupt would stop only it).</summary>
    public bool AnswerRunning
    {
        get
        {
            lock (_gate)
            {
                return _answer is { IsCancellationRequested: false };
            }
        }
    }

    /// <summary>Handles one Ctrl+C.</summary>
    /// <returns>True when it was handled (the process goes on); false when the session was already ended, so a further Ctrl+C may end the process.</returns>
    public bool Interrupt()
    {
        CancellationTokenSource target;
        lock (_gate)
        {
            if (_answer is { IsCancellationRequested: false } answer)
            {
                target = answer;
            }
            else if (_session.IsCancellationRequested)
            {
                return false;
            }
            else
            {
                target = _session;
            }
        }

        // Cancelled outside the lock: the callbacks close HTTP streams.
        target.Cancel();
        return true;
    }

    /// <summary>Starts an answer: until the scope is disposed, an interrupt cancels only the scope's token.</summary>
    /// <param name="cancellationToken">The session's own token, which also cancels the answer.</param>
    /// <returns>The scope.</returns>
    public AnswerScope BeginAnswer(CancellationToken cancellationToken)
    {
        var answer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _session.Token);
        lock (_gate)
        {
            _answer = answer;
        }

        return new AnswerScope(this, answer);
    }

    private void End(CancellationTokenSource answer)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_answer, answer))
            {
                _answer = null;
            }
        }

        answer.Dispose();
    }

    /// <summary>One running answer.</summary>
    internal sealed class AnswerScope : IDisposable
    {
        private readonly Interrupts _owner;
        private readonly CancellationTokenSource _answer;

        /// <summary>Initializes a new instance.</summary>
        /// <param name="owner">The interrupts.</param>
        /// <param name="answer">The answer's source.</param>
        public AnswerScope(Interrupts owner, CancellationTokenSource answer)
        {
            _owner = owner;
            _answer = answer;
            Token = answer.Token;
        }

        /// <summary>Gets the answer's token.</summary>
        public CancellationToken Token { get; }

        /// <inheritdoc/>
        public void Dispose() => _owner.End(_answer);
    }
}
