using System.Net;
using System.Text.RegularExpressions;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests.Open311;

/// <summary>The administrators' page for Open311 keys, and keyed Open311 clients past the anonymous POST limit.</summary>
public abstract partial class Open311KeyPageTests(IntegritasFactory factory) : Open311TestBase(factory)
{
    [Fact]
    public async Task An_administrator_creates_a_key_that_is_shown_once_works_and_is_revoked()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        Assert.Contains("/admin/apikey", await admin.GetStringAsync("/admin", Ct), StringComparison.Ordinal);

        var empty = await IntegritasFactory.PostFormAsync(admin, "/admin/apikey?handler=Create", new() { ["Name"] = " " }, "/admin/apikey");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);

        var created = await IntegritasFactory.PostFormAsync(admin, "/admin/apikey?handler=Create", new() { ["Name"] = "Aplikasi Langkat Hebat" }, "/admin/apikey");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync(Ct);
        var key = NewKey().Match(html).Groups[1].Value;
        Assert.StartsWith("ik_", key, StringComparison.Ordinal);

        var list = await admin.GetStringAsync("/admin/apikey", Ct);
        Assert.Contains("Aplikasi Langkat Hebat", list, StringComparison.Ordinal);
        Assert.Contains(key[..11], list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("json", Valid(key))).Status);

        var id = await F.WithDbAsync(db => db.ApiKeys.Where(k => k.Name == "Aplikasi Langkat Hebat").Select(k => k.Id).SingleAsync(Ct));
        var revoked = await IntegritasFactory.PostFormAsync(admin, $"/admin/apikey?handler=Revoke&id={id}", [], "/admin/apikey");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotNull(await F.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == id).Select(k => k.RevokedAtUtc).SingleAsync(Ct)));
        Errors(await PostAsync("json", Valid(key)), HttpStatusCode.Forbidden, "json");
    }

    [Fact]
    public async Task Only_administrators_reach_the_key_page()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await F.Client().GetAsync("/admin/apikey", Ct)).StatusCode);
        var verifier = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Verifier));
        var response = await verifier.GetAsync("/admin/apikey", Ct);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Buat kunci", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"new-key\" value=\"([^\"]+)\"")]
    private static partial Regex NewKey();
}

public sealed class SqliteOpen311KeyPageTests(SqliteFactory factory) : Open311KeyPageTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOpen311KeyPageTests(PostgresFactory factory) : Open311KeyPageTests(factory), IClassFixture<PostgresFactory>;

/// <summary>With three anonymous POSTs a minute, a keyed Open311 client still creates as many requests as it sends.</summary>
public sealed class Open311RateLimitTests(RateLimitedFactory factory) : Open311TestBase(factory), IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Keyed_open311_posts_are_not_held_to_the_anonymous_limit()
    {
        var key = await NewKeyAsync();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync("json", Valid(key))).Status);
        }

        // Without a key nothing is stored either way.
        Errors(await PostAsync("json", Valid("")), HttpStatusCode.Forbidden, "json");
    }
}
