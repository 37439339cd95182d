// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;

namespace Tgi.Sdk.Testing;

/// <summary>The counters behind <c>/metrics</c>, named as TGI's router names them (<c>tgi_request_*</c>).</summary>
internal sealed class EmulatorMetrics
{
    private long _requestCount;
    private long _requestSuccess;
    private long _requestFailure;
    private long _generatedTokens;
    private long _inputTokens;

    public void Started() => Interlocked.Increment(ref _requestCount);

    public void Succeeded(int inputTokens, int generatedTokens)
    {
        Interlocked.Increment(ref _requestSuccess);
        Interlocked.Add(ref _generatedTokens, generatedTokens);
        Interlocked.Add(ref _inputTokens, inputTokens);
    }

    public void Failed() => Interlocked.Increment(ref _requestFailure);

    /// <summary>Prometheus text exposition format 0.0.4.</summary>
    public string Render(int queueSize)
    {
        var text = new StringBuilder();
        Counter(text, "tgi_request_count", "Total number of generation requests.", Interlocked.Read(ref _requestCount));
        Counter(text, "tgi_request_success", "Number of successful generation requests.", Interlocked.Read(ref _requestSuccess));
        Counter(text, "tgi_request_failure", "Number of failed generation requests.", Interlocked.Read(ref _requestFailure));
        Counter(text, "tgi_request_generated_tokens_total", "Total generated tokens.", Interlocked.Read(ref _generatedTokens));
        Counter(text, "tgi_request_input_tokens_total", "Total input tokens.", Interlocked.Read(ref _inputTokens));
        text.Append("# TYPE tgi_queue_size gauge\n");
        text.Append("tgi_queue_size ").Append(queueSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(" counter\n");
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}
