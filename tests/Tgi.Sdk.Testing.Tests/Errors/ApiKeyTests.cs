// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Errors;

public class ApiKeyTests
{
    [Test]
    [Arguments("/generate")]
    [Arguments("/generate_stream")]
    [Arguments("/v1/chat/completions")]
    [Arguments("/v1/completions")]
    [Arguments("/tokenize")]
    [Arguments("/")]
    public async Task Post_MissingKey_Returns401EmptyBody(string path)
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.ApiKey = "Secret");

        Http.Reply reply = await Http.PostJsonAsync(tgi, path, """{"inputs":"Hi"}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.Unauthorized);
        await Assert.That(reply.Body).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task Post_WrongKey_Returns401()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.ApiKey = "Secret");

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""", apiKey: "other");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Post_KeyInOtherCase_IsAccepted()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.ApiKey = "Secret");

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""", apiKey: "sECRET");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task Get_PublicRoutes_NeedNoKey()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.ApiKey = "Secret");

        Http.Reply info = await Http.GetAsync(tgi, "/info");
        Http.Reply health = await Http.GetAsync(tgi, "/health");
        Http.Reply models = await Http.GetAsync(tgi, "/v1/models");

        await Assert.That(info.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(health.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(models.Status).IsEqualTo(HttpStatusCode.OK);
    }
}
