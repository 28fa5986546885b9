using System.Globalization;
using System.Net;
using Integritas.Data.Audit;
using Integritas.Data.Identity;
using Integritas.Data.Organisation;
using Integritas.Web.Hosting;

namespace Integritas.Web.Tests;

/// <summary>The labels people read for OPD kinds, service unit kinds and audit actions.</summary>
public sealed class LabelsTests
{
    [Fact]
    public void Every_value_has_an_indonesian_and_an_english_label()
    {
        foreach (var culture in new[] { "id-ID", "en-US" })
        {
            InCulture(culture, () =>
            {
                Assert.All(Enum.GetValues<OpdKind>(), k => Assert.False(string.IsNullOrWhiteSpace(Labels.For(k))));
                Assert.All(Enum.GetValues<ServiceUnitKind>(), k => Assert.False(string.IsNullOrWhiteSpace(Labels.For(k))));
                Assert.All(Enum.GetValues<AuditAction>(), a => Assert.False(string.IsNullOrWhiteSpace(Labels.For(a))));
                Assert.Equal(Enum.GetValues<OpdKind>().Length, Enum.GetValues<OpdKind>().Select(Labels.For).Distinct().Count());
                Assert.Equal(Enum.GetValues<ServiceUnitKind>().Length, Enum.GetValues<ServiceUnitKind>().Select(Labels.For).Distinct().Count());
                Assert.Equal(Enum.GetValues<AuditAction>().Length, Enum.GetValues<AuditAction>().Select(Labels.For).Distinct().Count());
                return 0;
            });
        }
    }

    [Theory]
    [InlineData("id-ID", "RSUD", "Kantor kecamatan", "UPT", "Dibuat")]
    [InlineData("en-US", "Regional hospital", "District office", "Technical unit", "Created")]
    public void Labels_follow_the_ui_language(string culture, string rsud, string kantorKecamatan, string upt, string created)
    {
        var (a, b, c, d) = InCulture(culture, () => (Labels.For(OpdKind.Rsud), Labels.For(ServiceUnitKind.KantorKecamatan), Labels.For(ServiceUnitKind.Upt), Labels.For(AuditAction.Created)));
        Assert.Equal(rsud, a);
        Assert.Equal(kantorKecamatan, b);
        Assert.Equal(upt, c);
        Assert.Equal(created, d);
    }

    [Theory]
    [InlineData("Rsud", "RSUD")]
    [InlineData("Satpol", "Satpol PP")]
    [InlineData("6", "6")]
    [InlineData("RSUD", "RSUD")]
    [InlineData("Sesuatu", "Sesuatu")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_from_read_models_map_to_labels_and_unknown_names_show_as_they_are(string? name, string expected) =>
        Assert.Equal(expected, InCulture("id-ID", () => Labels.ForOpdKind(name)));

    [Fact]
    public void Service_unit_kind_names_map_to_labels() =>
        Assert.Equal("Puskesmas|Loket pelayanan|Kosong", InCulture("id-ID", () => string.Join('|', Labels.ForServiceUnitKind("Puskesmas"), Labels.ForServiceUnitKind("Loket"), Labels.ForServiceUnitKind("Kosong"))));

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

/// <summary>The pages show the labels, while forms keep posting the enum names.</summary>
public abstract class LabelPageTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task Opd_pages_show_kind_labels_and_keep_enum_names_as_option_values()
    {
        var client = F.Client();
        var list = await client.GetStringAsync("/opd?kind=Rsud", Ct);
        Assert.Contains("<option value=\"Rsud\" selected=\"selected\">RSUD</option>", list, StringComparison.Ordinal);
        Assert.Contains("<td>RSUD</td>", list, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Satpol\">Satpol PP</option>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(">Rsud<", list, StringComparison.Ordinal);

        var rsud = await F.OpdIdAsync("1.02.0.00.0.00.02.0000");
        var detail = await client.GetStringAsync($"/opd/{rsud}", Ct);
        Assert.Contains("<dd>RSUD</dd>", detail, StringComparison.Ordinal);

        var switched = await IntegritasFactory.PostFormAsync(client, "/bahasa", new() { ["lang"] = "en", ["returnUrl"] = "/opd" }, formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var english = await client.GetStringAsync("/opd?kind=Rsud", Ct);
        Assert.Contains("<td>Regional hospital</td>", english, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Rsud\" selected=\"selected\">Regional hospital</option>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_unit_pages_show_kind_labels()
    {
        var client = F.Client();
        var units = await client.GetStringAsync("/unit-layanan?kind=KantorKecamatan", Ct);
        Assert.Contains("<td>Kantor kecamatan</td>", units, StringComparison.Ordinal);
        Assert.Contains("<option value=\"KantorKecamatan\" selected=\"selected\">Kantor kecamatan</option>", units, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Upt\">UPT</option>", units, StringComparison.Ordinal);
        Assert.DoesNotContain(">KantorKecamatan<", units, StringComparison.Ordinal);

        var setda = await F.OpdIdAsync("4.01.0.00.0.00.01.0000");
        var detail = await client.GetStringAsync($"/opd/{setda}", Ct);
        Assert.Contains("(Kantor kecamatan, ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("(KantorKecamatan", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_pages_show_kind_and_action_labels()
    {
        var admin = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.Admin));
        var dinkes = await F.OpdIdAsync("1.02.0.00.0.00.01.0000");
        var edit = await admin.GetStringAsync($"/admin/opd/{dinkes}", Ct);
        Assert.Contains("<option value=\"Dinas\" selected=\"selected\">Dinas</option>", edit, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Rsud\">RSUD</option>", edit, StringComparison.Ordinal);
        Assert.Contains("<option value=\"KantorKecamatan\">Kantor kecamatan</option>", edit, StringComparison.Ordinal);
        Assert.Contains("<td>Puskesmas</td>", edit, StringComparison.Ordinal);

        var audit = await admin.GetStringAsync("/admin/audit", Ct);
        Assert.Contains("<option value=\"Created\">Dibuat</option>", audit, StringComparison.Ordinal);
        // The demo data's bulk load is older than the demo complaints' entries: filter for it.
        audit = await admin.GetStringAsync("/admin/audit?Action=Bulk", Ct);
        Assert.Contains("<td>Operasi massal</td>", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Bulk</td>", audit, StringComparison.Ordinal);
    }
}

public sealed class SqliteLabelPageTests(SqliteFactory factory) : LabelPageTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresLabelPageTests(PostgresFactory factory) : LabelPageTests(factory), IClassFixture<PostgresFactory>;
