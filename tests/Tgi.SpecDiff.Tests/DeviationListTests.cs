// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff.Tests;

public class DeviationListTests
{
    [Test]
    public async Task Parse_EntryWithoutReason_ThrowsNamingTheEntry()
    {
        const string json = """{"deviations":[{"path":"schemas.Message","reason":"flattened"},{"path":"schemas.Foo","reason":" "}]}""";

        InvalidDataException? exception = await Assert.ThrowsAsync<InvalidDataException>(() => Task.FromResult(DeviationList.Parse(json)));

        await Assert.That(exception?.Message).Contains("schemas.Foo");
    }

    [Test]
    public async Task Parse_DuplicatePath_Throws()
    {
        const string json = """{"deviations":[{"path":"schemas.A","reason":"one"},{"path":"schemas.A","reason":"two"}]}""";

        InvalidDataException? exception = await Assert.ThrowsAsync<InvalidDataException>(() => Task.FromResult(DeviationList.Parse(json)));

        await Assert.That(exception?.Message).Contains("listed twice");
    }

    [Test]
    public async Task Parse_NoDeviationsArray_Throws()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => Task.FromResult(DeviationList.Parse("""{"items":[]}""")));
    }

    [Test]
    public async Task Matches_ExactEntry_MatchesOnlyThatPath()
    {
        var deviation = new Deviation("schemas.Message", "flattened");

        await Assert.That(deviation.Matches("schemas.Message")).IsTrue();
        await Assert.That(deviation.Matches("schemas.Message.content")).IsFalse();
        await Assert.That(deviation.Matches("schemas.MessageBody")).IsFalse();
    }

    [Test]
    public async Task Matches_WildcardEntry_MatchesDescendantsOnly()
    {
        var deviation = new Deviation("paths./generate_stream.post.responses.*", "always 200");

        await Assert.That(deviation.Matches("paths./generate_stream.post.responses.422")).IsTrue();
        await Assert.That(deviation.Matches("paths./generate_stream.post.responses.200.text/event-stream")).IsTrue();
        await Assert.That(deviation.Matches("paths./generate_stream.post")).IsFalse();
    }
}
