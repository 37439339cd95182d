// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff.Tests;

/// <summary>Small hand-written documents, so each rule of the comparison is checked on its own.</summary>
public class SpecComparerTests
{
    private const string Upstream = """
        {"openapi":"3.0.3","info":{"version":"up"},
         "paths":{
           "/a":{"get":{"parameters":[{"name":"limit","in":"query","schema":{"type":"integer"}}],
                        "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}},
                 "post":{"responses":{"200":{"description":"ok"}}}},
           "/b":{"get":{"responses":{"200":{"description":"ok"}}}}},
         "components":{"schemas":{
           "Thing":{"type":"object","required":["id"],"properties":{"id":{"type":"integer","format":"int32"},"kind":{"type":"string","enum":["x","y"]}}},
           "Gone":{"type":"string"}}}}
        """;

    private const string Ours = """
        {"openapi":"3.0.3","info":{"version":"ours"},
         "paths":{
           "/a":{"get":{"responses":{"200":{"$ref":"#/components/responses/ThingList"}}}}},
         "components":{
           "responses":{"ThingList":{"description":"ok","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/Thing"}}}}}},
           "schemas":{
             "Thing":{"type":"object","properties":{"id":{"type":"integer","format":"int64"},"kind":{"type":"string","enum":["x"]}}}}}}
        """;

    [Test]
    public async Task Compare_HandWrittenDocuments_ReportsEachKindOfDifference()
    {
        var comparer = new SpecComparer(SpecDocument.Parse(Upstream, "up"), SpecDocument.Parse(Ours, "ours"));

        string[] lines = [.. comparer.Compare().Select(d => d.ToString())];

        await Assert.That(lines).IsEquivalentTo(
        [
            "paths./a.get.parameters.query.limit: parameter missing",
            "paths./a.get.responses.200.application/json: schema differs: upstream Thing, ours array<Thing>",
            "paths./a.post: operation missing",
            "paths./b: path missing",
            "schemas.Thing.id: type differs: upstream integer(int32), ours integer(int64)",
            "schemas.Thing.id: required upstream, optional in ours",
            "schemas.Thing.kind: enum values missing: y",
            "schemas.Gone: schema missing",
        ]);
    }

    [Test]
    public async Task Compare_SameDocument_ReportsNothing()
    {
        var comparer = new SpecComparer(SpecDocument.Parse(Upstream, "a"), SpecDocument.Parse(Upstream, "b"));

        IReadOnlyList<SpecDifference> differences = comparer.Compare();

        await Assert.That(differences).IsEmpty();
    }
}
