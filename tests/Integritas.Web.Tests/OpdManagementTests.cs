using System.Net;
using Integritas.Data.Audit;
using Integritas.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Tests;

/// <summary>The OPD management page, driven as an OPD operator would: forms with antiforgery tokens.</summary>
public abstract class OpdManagementTests(IntegritasFactory factory) : FactoryTest(factory)
{
    private const string Dinsos = "1.06.0.00.0.00.01.0000";

    [Fact]
    public async Task Operator_manages_units_and_positions_of_their_opd_and_each_change_is_audited()
    {
        var user = await F.CreateUserAsync(Roles.OpdOperator, Dinsos);
        var op = await F.SignedInClientAsync(user);
        var id = await F.OpdIdAsync(Dinsos);
        var url = $"/admin/opd/{id}";

        var badUnit = await IntegritasFactory.PostFormAsync(op, $"{url}?handler=AddUnit", new() { ["UnitCode"] = "", ["UnitName"] = "", ["UnitKind"] = "Upt" }, formPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badUnit.StatusCode);
        Assert.Contains("Kode unit wajib diisi", await badUnit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var added = await IntegritasFactory.PostFormAsync(op, $"{url}?handler=AddUnit", new() { ["UnitCode"] = "12.05-PANTI-01", ["UnitName"] = "UPT Panti Sosial Stabat", ["UnitKind"] = "Upt" }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var unit = await F.WithDbAsync(db => db.ServiceUnits.SingleAsync(u => u.Code == "12.05-PANTI-01", Ct));
        Assert.Equal(id, unit.OpdId);

        var toggled = await IntegritasFactory.PostFormAsync(op, $"{url}?handler=ToggleUnit&unitId={unit.Id}", [], formPage: url);
        Assert.Equal(HttpStatusCode.OK, toggled.StatusCode);
        Assert.False(await F.WithDbAsync(db => db.ServiceUnits.Where(u => u.Id == unit.Id).Select(u => u.IsActive).SingleAsync(Ct)));

        var headId = await F.WithDbAsync(db => db.Positions.Where(p => p.OpdId == id && p.IsHead).Select(p => p.Id).SingleAsync(Ct));
        var badNip = await IntegritasFactory.PostFormAsync(op, $"{url}?handler=AddPosition", new()
        {
            ["PositionTitle"] = "Kepala Seksi Rehabilitasi",
            ["OfficialName"] = "Siti Lubis",
            ["OfficialNip"] = "123",
            ["SuperiorId"] = headId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, formPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badNip.StatusCode);

        var position = await IntegritasFactory.PostFormAsync(op, $"{url}?handler=AddPosition", new()
        {
            ["PositionTitle"] = "Kepala Seksi Rehabilitasi",
            ["PositionGrade"] = "IV.a",
            ["OfficialName"] = "Siti Lubis",
            ["OfficialNip"] = "198503122010012001",
            ["SuperiorId"] = headId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, position.StatusCode);
        var created = await F.WithDbAsync(db => db.Positions.Include(p => p.Holders).SingleAsync(p => p.Title == "Kepala Seksi Rehabilitasi", Ct));
        Assert.Equal(headId, created.SuperiorId);
        Assert.Equal("198503122010012001", Assert.Single(created.Holders).Nip);

        // The head has subordinates, so it cannot be removed; the new section head can.
        var refused = await IntegritasFactory.PostFormAsync(op, $"{url}?handler=RemovePosition&positionId={headId}", [], formPage: url);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var removed = await IntegritasFactory.PostFormAsync(op, $"{url}?handler=RemovePosition&positionId={created.Id}", [], formPage: url);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False(await F.WithDbAsync(db => db.Positions.AnyAsync(p => p.Id == created.Id, Ct)));

        var trail = await F.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorId == user.Id).Select(a => new { a.EntityType, a.Action }).ToListAsync(Ct));
        Assert.Contains(trail, a => a.EntityType == "ServiceUnit" && a.Action == AuditAction.Created);
        Assert.Contains(trail, a => a.EntityType == "ServiceUnit" && a.Action == AuditAction.Updated);
        Assert.Contains(trail, a => a.EntityType == "Official" && a.Action == AuditAction.Deleted);
        Assert.Contains(trail, a => a.EntityType == "Position" && a.Action == AuditAction.Deleted);
    }

    [Fact]
    public async Task Operator_cannot_change_another_opds_units_through_its_own_page()
    {
        var op = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dinsos));
        var id = await F.OpdIdAsync(Dinsos);
        var otherUnit = await F.WithDbAsync(db => db.ServiceUnits.Where(u => u.OpdId != id).Select(u => new { u.Id, u.IsActive }).FirstAsync(Ct));
        var response = await IntegritasFactory.PostFormAsync(op, $"/admin/opd/{id}?handler=ToggleUnit&unitId={otherUnit.Id}", [], formPage: $"/admin/opd/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(otherUnit.IsActive, await F.WithDbAsync(db => db.ServiceUnits.Where(u => u.Id == otherUnit.Id).Select(u => u.IsActive).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Operator_keeps_the_code_and_regency_that_only_an_admin_may_change()
    {
        var op = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, Dinsos));
        var id = await F.OpdIdAsync(Dinsos);
        var saved = await IntegritasFactory.PostFormAsync(op, $"/admin/opd/{id}?handler=Save", new()
        {
            ["Input.Code"] = "1.06.0.00.0.00.09.0000",
            ["Input.Name"] = "Dinas Sosial",
            ["Input.Kind"] = "Dinas",
            ["Input.Address"] = "Jl. Pemuda No. 3, Stabat",
        }, formPage: $"/admin/opd/{id}");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var opd = await F.WithDbAsync(db => db.Opds.SingleAsync(o => o.Id == id, Ct));
        Assert.Equal(Dinsos, opd.Code);
        Assert.True(opd.IsActive);
        Assert.Equal("Jl. Pemuda No. 3, Stabat", opd.Address);
    }
}

public abstract class OfficialReplacementTests(IntegritasFactory factory) : FactoryTest(factory)
{
    [Fact]
    public async Task Replacing_the_head_ends_the_old_term_and_shows_only_the_new_official()
    {
        const string disnaker = "2.07.0.00.0.00.01.0000";
        var op = await F.SignedInClientAsync(await F.CreateUserAsync(Roles.OpdOperator, disnaker));
        var id = await F.OpdIdAsync(disnaker);
        var head = await F.WithDbAsync(db => db.Positions.Include(p => p.Holders).SingleAsync(p => p.OpdId == id && p.IsHead, Ct));
        var previous = Assert.Single(head.Holders);
        var url = $"/admin/opd/{id}";

        var refused = await IntegritasFactory.PostFormAsync(op, $"{url}?handler=ReplaceOfficial", new()
        {
            ["ReplacePositionId"] = head.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReplacementName"] = "",
            ["ReplacementNip"] = previous.Nip!,
        }, formPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("NIP sudah terdaftar", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Nama pejabat wajib diisi", refusedHtml, StringComparison.Ordinal);

        var replaced = await IntegritasFactory.PostFormAsync(op, $"{url}?handler=ReplaceOfficial", new()
        {
            ["ReplacePositionId"] = head.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReplacementName"] = "Herlina Tarigan, S.H.",
            ["ReplacementNip"] = "197907072003122005",
        }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var holders = await F.WithDbAsync(db => db.Officials.AsNoTracking().Where(o => o.PositionId == head.Id).OrderBy(o => o.Id).ToListAsync(Ct));
        Assert.Equal(2, holders.Count);
        Assert.NotNull(holders[0].ActiveUntil);
        Assert.Null(holders[1].ActiveUntil);
        Assert.Equal(holders[0].ActiveUntil, holders[1].ActiveFrom);

        var page = await F.Client().GetStringAsync($"/opd/{id}", Ct);
        Assert.Contains("Herlina Tarigan", page, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(previous.Name), page, StringComparison.Ordinal);
        var api = await F.Client().GetStringAsync($"/api/v1/opds/{id}", Ct);
        Assert.Contains("\"headName\":\"Herlina Tarigan, S.H.\"", api, StringComparison.Ordinal);
        Assert.True(await F.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Official" && a.Action == AuditAction.Updated && a.Changes.Contains("ActiveUntil"), Ct)));
    }
}

public sealed class SqliteOfficialReplacementTests(SqliteFactory factory) : OfficialReplacementTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOfficialReplacementTests(PostgresFactory factory) : OfficialReplacementTests(factory), IClassFixture<PostgresFactory>;

public sealed class SqliteOpdManagementTests(SqliteFactory factory) : OpdManagementTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOpdManagementTests(PostgresFactory factory) : OpdManagementTests(factory), IClassFixture<PostgresFactory>;
