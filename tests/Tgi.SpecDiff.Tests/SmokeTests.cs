namespace Tgi.SpecDiff.Tests;

public class SmokeTests
{
    [Test]
    public async Task Adds()
    {
        int x = Environment.ProcessorCount; await Assert.That(x).IsGreaterThan(0);
    }
}
