using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests;

/// <summary>
/// Refused forms tie each error to its field: the input says <c>aria-invalid="true"</c> and points with
/// <c>aria-describedby</c> to the element holding the message, next to the field.
/// </summary>
public abstract partial class FormErrorTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Dinkes = "1.02.0.00.0.00.01.0000";

    [Fact]
    public async Task Add_unit_errors_sit_next_to_their_fields_and_the_form_stays_open_with_what_was_typed()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var id = await F.OpdIdAsync(Dinkes);
        var url = $"/admin/opd/{id}";
        var existing = await F.WithDbAsync(db => db.ServiceUnits.Where(u => u.OpdId == id).Select(u => u.Code).FirstAsync(Ct));

        var clean = await admin.GetStringAsync(url, Ct);
        Assert.DoesNotContain("aria-invalid", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("<details open", clean, StringComparison.Ordinal);

        var refused = await IntegritasFactory.PostFormAsync(admin, $"{url}?handler=AddUnit", new()
        {
            ["UnitCode"] = existing,
            ["UnitName"] = "Puskesmas Pembantu Baru",
            ["UnitKind"] = "Puskesmas",
        }, formPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);

        var code = Tag(html, "input", "UnitCode");
        Assert.Contains("aria-invalid=\"true\"", code, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"UnitCode-error\"", code, StringComparison.Ordinal);
        Assert.Contains($"value=\"{existing}\"", code, StringComparison.Ordinal);
        Assert.Matches("id=\"UnitCode-error\">\\s*<span>Kode unit sudah dipakai\\.</span>", html);
        var name = Tag(html, "input", "UnitName");
        Assert.DoesNotContain("aria-invalid", name, StringComparison.Ordinal);
        Assert.Contains("value=\"Puskesmas Pembantu Baru\"", name, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Puskesmas\" selected=\"selected\">Puskesmas</option>", html, StringComparison.Ordinal);

        // The add-unit form is open; the add-position form is not. The summary at the top links to the field.
        Assert.Single(OpenDetails().Matches(html));
        Assert.Matches("<details open=\"open\">\\s*<summary>Tambah unit layanan</summary>", html);
        Assert.Contains("<a href=\"#UnitCode\">Kode unit sudah dipakai.</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_position_errors_sit_next_to_their_fields()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var id = await F.OpdIdAsync(Dinkes);
        var url = $"/admin/opd/{id}";

        var refused = await IntegritasFactory.PostFormAsync(admin, $"{url}?handler=AddPosition", new()
        {
            ["PositionTitle"] = "",
            ["OfficialName"] = "Rahmat Siregar",
            ["OfficialNip"] = "12345",
            ["SuperiorId"] = "999999",
        }, formPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);

        foreach (var (input, element, message) in new[]
        {
            ("PositionTitle", "input", "Nama jabatan wajib diisi."),
            ("OfficialNip", "input", "NIP harus 18 digit."),
            ("SuperiorId", "select", "Atasan tidak dikenal."),
        })
        {
            var tag = Tag(html, element, input);
            Assert.Contains("aria-invalid=\"true\"", tag, StringComparison.Ordinal);
            Assert.Contains($"aria-describedby=\"{input}-error\"", tag, StringComparison.Ordinal);
            Assert.Matches($"id=\"{input}-error\">\\s*<span>{Regex.Escape(message)}</span>", html);
        }

        Assert.Contains("value=\"Rahmat Siregar\"", Tag(html, "input", "OfficialName"), StringComparison.Ordinal);
        Assert.Matches("<details open=\"open\">\\s*<summary>Tambah jabatan dan pejabat</summary>", html);
        Assert.Single(OpenDetails().Matches(html));
    }

    [Fact]
    public async Task Agency_form_errors_point_from_the_field_to_the_message()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var refused = await IntegritasFactory.PostFormAsync(admin, "/admin/opd/baru", new()
        {
            ["Input.Code"] = "bukan kode",
            ["Input.Name"] = "Dinas Uji",
            ["Input.Kind"] = "Dinas",
            ["Input.RegencyCode"] = "99.99",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        foreach (var input in new[] { "Input_Code", "Input_RegencyCode" })
        {
            var tag = Tag(html, "input", input);
            Assert.Contains("aria-invalid=\"true\"", tag, StringComparison.Ordinal);
            Assert.Contains($"aria-describedby=\"{input}-error\"", tag, StringComparison.Ordinal);
            Assert.Contains($"id=\"{input}-error\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("aria-invalid", Tag(html, "input", "Input_Name"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_RegencyCode\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_form_errors_point_from_the_field_to_the_message()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var refused = await IntegritasFactory.PostFormAsync(admin, "/admin/pengguna/baru", new()
        {
            ["UserName"] = "",
            ["DisplayName"] = "Operator Tanpa OPD",
            ["Email"] = "bukan-email",
            ["SelectedRoles"] = Roles.OpdOperator,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        foreach (var (input, element) in new[] { ("UserName", "input"), ("Email", "input"), ("SelectedOpds", "select") })
        {
            var tag = Tag(html, element, input);
            Assert.Contains("aria-invalid=\"true\"", tag, StringComparison.Ordinal);
            Assert.Contains($"aria-describedby=\"{input}-error\"", tag, StringComparison.Ordinal);
            Assert.Contains($"id=\"{input}-error\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("minimal satu OPD", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", Tag(html, "input", "DisplayName"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"#SelectedOpds\">", html, StringComparison.Ordinal);
    }

    /// <summary>The opening tag of the element with the given id.</summary>
    private static string Tag(string html, string element, string id)
    {
        var match = Regex.Match(html, $"<{element}\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, string.Create(CultureInfo.InvariantCulture, $"No <{element} id=\"{id}\"> on the page."));
        return match.Value;
    }

    [GeneratedRegex("<details open")]
    private static partial Regex OpenDetails();
}

public sealed class SqliteFormErrorTests(SqliteFactory factory) : FormErrorTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresFormErrorTests(PostgresFactory factory) : FormErrorTests(factory), IClassFixture<PostgresFactory>;
