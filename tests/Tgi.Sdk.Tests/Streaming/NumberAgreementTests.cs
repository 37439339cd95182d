// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Streaming;

/// <summary>
/// Numbers JSON forbids (<c>007</c>, <c>+5</c>, <c>.5</c>, <c>NaN</c>, <c>Infinity</c>) and numbers beyond a type's
/// range get the same answer from the byte-level fast paths as from the JSON reader, whatever the key layout.
/// </summary>
public class NumberAgreementTests
{
    private static readonly string[] s_forbiddenNumbers =
    [
        "007", "+5", ".5", "5.", "-", "-.5", "1e", "1e+", "NaN", "-NaN", "Infinity", "-Infinity", "infinity", "nan", "0x10", "1_000", "00",
        "-01",
    ];

    // JSON numbers beyond float's range: the reader reads them as infinities, and the fast path must say the same.
    private static readonly string[] s_beyondFloat = ["1e39", "-1e39", "3.5e38", "1E400"];

    private static readonly string[] s_allowedNumbers = ["0", "-0", "-0.5", "1e-50", "3.4e38", "-1.25E+2", "2147483647", "-2147483648", "0.000001"];

    [Test]
    public async Task GenerateStream_NumbersInEveryNumericField_FastAndReaderPathsAgree()
    {
        List<byte[]> events = [];
        foreach (string number in s_forbiddenNumbers.Concat(s_allowedNumbers).Concat(s_beyondFloat).Concat(["2147483648", "-2147483649", "99999999999"]))
        {
            events.Add(Encoding.UTF8.GetBytes($"{{\"index\":{number},\"token\":{{\"id\":1,\"text\":\"a\",\"logprob\":null,\"special\":false}},\"generated_text\":null,\"details\":null}}"));
            events.Add(Encoding.UTF8.GetBytes($"{{\"index\":1,\"token\":{{\"id\":{number},\"text\":\"a\",\"logprob\":null,\"special\":false}},\"generated_text\":null,\"details\":null}}"));
            events.Add(Encoding.UTF8.GetBytes($"{{\"index\":1,\"token\":{{\"id\":1,\"text\":\"a\",\"logprob\":{number},\"special\":false}},\"generated_text\":null,\"details\":null}}"));
        }

        (List<string> fast, List<string> slow, List<string> rawFast, List<string> rawSlow) = GeneratePaths.Run(events);

        for (int i = 0; i < events.Count; i++)
        {
            string because = Encoding.UTF8.GetString(events[i]);
            await Assert.That(fast[i]).IsEqualTo(slow[i]).Because(because);
            await Assert.That(rawFast[i]).IsEqualTo(rawSlow[i]).Because(because);
        }
    }

    [Test]
    public async Task GenerateStream_ForbiddenNumbers_AreProtocolErrors()
    {
        foreach (string number in s_forbiddenNumbers)
        {
            byte[] data = Encoding.UTF8.GetBytes($"{{\"index\":1,\"token\":{{\"id\":1,\"text\":\"a\",\"logprob\":{number},\"special\":false}},\"generated_text\":null,\"details\":null}}");

            (List<string> fast, _, _, _) = GeneratePaths.Run([data]);

            await Assert.That(fast[0]).StartsWith("TgiException(protocol)").Because(number);
        }
    }

    [Test]
    [Arguments("NaN")]
    [Arguments("Infinity")]
    [Arguments("+5")]
    [Arguments(".5")]
    [Arguments("007")]
    public async Task GenerateStreamingAsync_ForbiddenLogprobOverLoopback_IsProtocolError(string number)
    {
        string token = $"{{\"index\":1,\"token\":{{\"id\":1,\"text\":\"a\",\"logprob\":{number},\"special\":false}},\"generated_text\":null,\"details\":null}}";
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Sse(token));
        TgiClient client = new(server.BaseAddress);

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Protocol);
    }

    [Test]
    public async Task ChatStream_NumbersInCreated_FastAndReaderPathsAgree()
    {
        List<byte[]> events = [];
        foreach (string number in s_forbiddenNumbers.Concat(s_allowedNumbers).Concat(["9223372036854775807", "9223372036854775808", "123456789012345678", "1234567890123456789"]))
        {
            events.Add(Encoding.UTF8.GetBytes(Sse.ChatChunk("\"x\"").Replace("1741265133", number, StringComparison.Ordinal)));
        }

        (List<string> fast, List<string> slow, _) = ChatPaths.Run(events);

        for (int i = 0; i < events.Count; i++)
        {
            await Assert.That(fast[i]).IsEqualTo(slow[i]).Because(Encoding.UTF8.GetString(events[i]));
        }
    }
}
