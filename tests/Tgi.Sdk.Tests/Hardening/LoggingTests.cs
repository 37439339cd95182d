// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Tests.Hardening;

/// <summary>Issue 12 §5: the client logs through ILogger (requests sent, answered, failed), never a secret or a prompt.</summary>
public class LoggingTests
{
    private const string ApiKey = "sk-logging-secret-4242";
    private const string Prompt = "my very private prompt";
    private const string Answer = "classified answer";

    [Test]
    public async Task Requests_AreLoggedAtDebugAndFailuresAtWarning_WithoutKeyPromptOrText()
    {
        FakeLogCollector collector = new();
        using ILoggerFactory loggerFactory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Trace)
            .AddProvider(new FakeLoggerProvider(collector)));
        TgiClientOptions clientOptions = new() { ApiKey = ApiKey };
        clientOptions.Headers["X-Gateway-Key"] = "gateway-header-secret";
        await using TgiEmulator emulator = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ApiKey = ApiKey, Generator = TgiGenerator.Scripted(Answer) });
        TgiClient client = new(emulator.BaseAddress, clientOptions, loggerFactory);

        await client.GenerateAsync(Prompt);
        await foreach (GenerateStreamUpdate update in client.GenerateStreamingAsync(Prompt))
        {
            _ = update;
        }

        await Assert.That(async () => await client.GenerateAsync(Prompt, new GenerateOptions { Temperature = 0f })).Throws<TgiException>();

        IReadOnlyList<FakeLogRecord> records = collector.GetSnapshot();
        await Assert.That(records.Count(r => r.Id.Name == "RequestSent" && r.Level == LogLevel.Debug && r.Message == "TGI request POST /generate sent")).IsEqualTo(2);
        await Assert.That(records.Any(r => r.Id.Name == "RequestSent" && r.Message == "TGI request POST /generate_stream sent")).IsTrue();
        FakeLogRecord answered = records.First(r => r.Id.Name == "ResponseReceived" && r.Message.Contains("/generate ", StringComparison.Ordinal));
        await Assert.That(answered.Level).IsEqualTo(LogLevel.Debug);
        await Assert.That(answered.Message).Contains("answered 200");
        await Assert.That(answered.StructuredState!.Any(kv => kv.Key == "DurationMs")).IsTrue();
        FakeLogRecord failed = records.Single(r => r.Id.Name == "RequestFailed");
        await Assert.That(failed.Level).IsEqualTo(LogLevel.Warning);
        await Assert.That(failed.Message).Contains("validation");
        await Assert.That(failed.Message).Contains("422");

        foreach (FakeLogRecord record in records)
        {
            string all = record.Message + " " + string.Join(" ", record.StructuredState?.Select(kv => kv.Value) ?? []);
            foreach (string secret in new[] { ApiKey, Prompt, Answer, "gateway-header-secret", "strictly positive" })
            {
                await Assert.That(all).DoesNotContain(secret);
            }
        }
    }
}
