// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Bench;

namespace Tgi.Cli.Tests.Bench;

public class BenchProgressTests
{
    [Test]
    public async Task Line_LiveCounters_ShowsDoneTargetFailuresAndTokenRate()
    {
        var recorder = new BenchRecorder();
        recorder.Completed(new RequestSample(1, [], 10, 5));
        recorder.Failure("overloaded");
        for (int i = 0; i < 20; i++)
        {
            recorder.TokenReceived();
        }

        string line = BenchProgress.Line(recorder, new BenchSettings { Requests = 8 }, TimeSpan.FromSeconds(2));

        await Assert.That(line).IsEqualTo("bench 2.0s: 1/8 requests done, 1 failed, 20 tokens (10.0 tok/s)");
    }

    [Test]
    public async Task EffectiveDuration_NeitherLimit_DefaultsToTenSeconds()
    {
        await Assert.That(new BenchSettings().EffectiveDuration).IsEqualTo(TimeSpan.FromSeconds(10));
        await Assert.That(new BenchSettings { Requests = 5 }.EffectiveDuration).IsNull();
    }
}
