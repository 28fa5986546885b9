using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Integritas.Core.Organisation;
using Integritas.Data;
using Integritas.Data.Organisation;
using Integritas.Web.Features.Account;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Organisation;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record OpdDto(int Id, string Code, string Name, string? ShortName, string Kind, string RegencyCode, string? Address, string? Website, bool IsActive, string? HeadTitle, string? HeadName, int ServiceUnitCount);

public sealed record RegionDto(int Id, string Code, string Name, string Level, string Kind, string? ParentCode);

public sealed record ServiceUnitDto(int Id, string Code, string Name, string Kind, int OpdId, string OpdName, string? RegionCode, string? RegionName, string? Address);

/// <summary>The body to create or change an OPD.</summary>
public sealed class OpdInput
{
    /// <summary>Kepmendagri 050-5889/2021 unit code, e.g. 1.02.0.00.0.00.01.0000.</summary>
    [Required]
    public string? Code { get; set; }

    [Required]
    [StringLength(250, MinimumLength = 3)]
    public string? Name { get; set; }

    [StringLength(50)]
    public string? ShortName { get; set; }

    /// <summary>Sekretariat, Dinas, Badan, Inspektorat, Kecamatan, Rsud, Satpol or Lainnya.</summary>
    [Required]
    public string? Kind { get; set; }

    /// <summary>The Kemendagri code of the kabupaten/kota, e.g. 12.05. Defaults to the only regency when there is one.</summary>
    public string? RegencyCode { get; set; }

    [StringLength(400)]
    public string? Address { get; set; }

    [StringLength(300)]
    [Url]
    public string? Website { get; set; }

    public bool IsActive { get; set; } = true;
}

public static class OrganisationApi
{
    public static void MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Organisasi / Organisation");
        api.MapGet("/opds", ListOpds).WithSummary("Daftar OPD / List OPDs").WithDescription("Paged; search by name, code or abbreviation; sort by code or name.");
        api.MapGet("/opds.csv", ExportOpds).WithSummary("Unduh OPD sebagai CSV / Download OPDs as CSV");
        api.MapGet("/opds/{id:int}", GetOpd).WithSummary("Satu OPD / One OPD");
        api.MapGet("/regions", ListRegions).WithSummary("Wilayah / Administrative areas").WithDescription("Filter by parent code (e.g. 12.05 for its kecamatan) or level.");
        api.MapGet("/service-units", ListServiceUnits).WithSummary("Unit layanan / Service units");
        api.MapPost("/opds", CreateOpd).RequireAuthorization(Policies.ManageOrganisation).WithSummary("Tambah OPD / Create an OPD (Admin)");
        api.MapPut("/opds/{id:int}", UpdateOpd).RequireAuthorization(Policies.Staff).WithSummary("Ubah OPD / Change an OPD (Admin, or the OPD's operator)");
    }

    public static IQueryable<Opd> SearchOpds(IntegritasDbContext db, string? q, string? kind)
    {
        var query = db.Opds.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower(CultureInfo.InvariantCulture);
            query = query.Where(o => o.Name.ToLower().Contains(term) || o.Code.Contains(term) || (o.ShortName != null && o.ShortName.ToLower().Contains(term)));
        }

        if (Enum.TryParse<OpdKind>(kind, ignoreCase: true, out var k))
        {
            query = query.Where(o => o.Kind == k);
        }

        return query;
    }

    public static IQueryable<Opd> SortOpds(IQueryable<Opd> query, string? sort) => sort switch
    {
        "name" => query.OrderBy(o => o.Name),
        "-name" => query.OrderByDescending(o => o.Name),
        "-code" => query.OrderByDescending(o => o.Code),
        _ => query.OrderBy(o => o.Code),
    };

    public static IQueryable<OpdDto> Project(IQueryable<Opd> query) => query.Select(o => new OpdDto(
        o.Id, o.Code, o.Name, o.ShortName, o.Kind.ToString(), o.Region!.Code, o.Address, o.Website, o.IsActive,
        o.Positions.Where(p => p.IsHead).Select(p => p.Title).FirstOrDefault(),
        o.Positions.Where(p => p.IsHead).SelectMany(p => p.Holders).Where(h => h.ActiveUntil == null).Select(h => h.Name).FirstOrDefault(),
        o.ServiceUnits.Count));

    private static async Task<Results<Ok<PagedResult<OpdDto>>, ValidationProblem>> ListOpds(
        IntegritasDbContext db, string? q, string? kind, string? sort, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var errors = Paging.Validate(page, pageSize);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = SearchOpds(db, q, kind);
        var total = await query.CountAsync(ct);
        var items = await Project(SortOpds(query, sort)).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<OpdDto>(items, total, page, pageSize));
    }

    private static async Task<Results<Ok<OpdDto>, ProblemHttpResult>> GetOpd(IntegritasDbContext db, int id, CancellationToken ct)
    {
        var opd = await Project(db.Opds.AsNoTracking().Where(o => o.Id == id)).SingleOrDefaultAsync(ct);
        return opd is null ? NotFound($"OPD {id}") : TypedResults.Ok(opd);
    }

    private static async Task<IResult> ExportOpds(IntegritasDbContext db, string? q, string? kind, string? sort, CancellationToken ct)
    {
        var rows = await Project(SortOpds(SearchOpds(db, q, kind), sort)).ToListAsync(ct);
        var csv = new StringBuilder("code,name,short_name,kind,regency_code,head_title,head_name,service_units,address,website\n");
        foreach (var o in rows)
        {
            csv.AppendJoin(',', new[] { o.Code, o.Name, o.ShortName, o.Kind, o.RegencyCode, o.HeadTitle, o.HeadName, o.ServiceUnitCount.ToString(CultureInfo.InvariantCulture), o.Address, o.Website }.Select(Csv.Escape)).Append('\n');
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "opd.csv");
    }

    private static async Task<Results<Ok<List<RegionDto>>, ValidationProblem>> ListRegions(IntegritasDbContext db, string? parentCode, string? level, CancellationToken ct)
    {
        var query = db.Regions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(parentCode))
        {
            query = query.Where(r => r.Parent!.Code == parentCode);
        }
        else if (Enum.TryParse<RegionLevel>(level, ignoreCase: true, out var l) && Enum.IsDefined(l))
        {
            query = query.Where(r => r.Level == l);
        }
        else if (level is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["Gunakan Province, Regency, District atau Village / Use Province, Regency, District or Village."] });
        }
        else
        {
            query = query.Where(r => r.Level <= RegionLevel.District);
        }

        var rows = await query.OrderBy(r => r.Code).Select(r => new { r.Id, r.Code, r.Name, r.Level, ParentCode = r.Parent!.Code }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new RegionDto(r.Id, r.Code, r.Name, r.Level.ToString(), new Region { Code = r.Code, Name = r.Name, Level = r.Level }.KindLabel, r.ParentCode)).ToList());
    }

    private static async Task<Results<Ok<PagedResult<ServiceUnitDto>>, ValidationProblem>> ListServiceUnits(
        IntegritasDbContext db, int? opdId, string? kind, string? regionCode, string? q, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var errors = Paging.Validate(page, pageSize);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = ServiceUnitQueries.Search(db, opdId, kind, regionCode, q);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(u => u.Code).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new ServiceUnitDto(u.Id, u.Code, u.Name, u.Kind.ToString(), u.OpdId, u.Opd!.Name, u.Region!.Code, u.Region.Name, u.Address))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<ServiceUnitDto>(items, total, page, pageSize));
    }

    private static async Task<Results<Created<OpdDto>, ValidationProblem>> CreateOpd(IntegritasDbContext db, OpdInput input, CancellationToken ct)
    {
        var (errors, regencyId, kind) = await ValidateAsync(db, input, existingId: null, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var opd = new Opd { Code = input.Code!.Trim(), Name = input.Name!.Trim(), RegionId = regencyId, Kind = kind };
        Apply(opd, input, kind);
        db.Opds.Add(opd);
        await db.SaveChangesAsync(ct);
        var dto = await Project(db.Opds.AsNoTracking().Where(o => o.Id == opd.Id)).SingleAsync(ct);
        return TypedResults.Created($"/api/v1/opds/{opd.Id}", dto);
    }

    private static async Task<Results<Ok<OpdDto>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> UpdateOpd(
        IntegritasDbContext db, IAuthorizationService authorization, HttpContext http, int id, OpdInput input, CancellationToken ct)
    {
        var opd = await db.Opds.Include(o => o.Region).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opd is null)
        {
            return NotFound($"OPD {id}");
        }

        if (!(await authorization.AuthorizeAsync(http.User, id, Policies.EditOpd)).Succeeded)
        {
            return TypedResults.Forbid();
        }

        KeepIdentityUnlessAdmin(http.User, opd, input);

        var (errors, regencyId, kind) = await ValidateAsync(db, input, id, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        opd.Code = input.Code!.Trim();
        opd.Name = input.Name!.Trim();
        opd.RegionId = regencyId;
        Apply(opd, input, kind);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await Project(db.Opds.AsNoTracking().Where(o => o.Id == id)).SingleAsync(ct));
    }

    /// <summary>
    /// An OPD operator may change their OPD's name, abbreviation, address and website, but its identity — code, kind,
    /// regency and status — is the administrator's: those fields are taken from the stored OPD whatever was sent.
    /// </summary>
    public static void KeepIdentityUnlessAdmin(System.Security.Claims.ClaimsPrincipal user, Opd opd, OpdInput input)
    {
        if (user.IsInRole(Data.Identity.Roles.Admin))
        {
            return;
        }

        input.Code = opd.Code;
        input.Kind = opd.Kind.ToString();
        input.RegencyCode = opd.Region!.Code;
        input.IsActive = opd.IsActive;
    }

    public static void Apply(Opd opd, OpdInput input, OpdKind kind)
    {
        opd.Kind = kind;
        opd.ShortName = string.IsNullOrWhiteSpace(input.ShortName) ? null : input.ShortName.Trim();
        opd.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        opd.Website = string.IsNullOrWhiteSpace(input.Website) ? null : input.Website.Trim();
        opd.IsActive = input.IsActive;
    }

    /// <summary>Field-level validation shared by the API and the admin pages.</summary>
    public static async Task<(Dictionary<string, string[]> Errors, int RegencyId, OpdKind Kind)> ValidateAsync(
        IntegritasDbContext db, OpdInput input, int? existingId, CancellationToken ct)
    {
        var errors = Validation.DataAnnotations(input);
        if (input.Code is not null && !OpdCode.TryParse(input.Code, out _, out var codeError))
        {
            Validation.Add(errors, "code", codeError!);
        }

        if (!string.IsNullOrWhiteSpace(input.Website) && !WebAddress.IsHttp(input.Website))
        {
            Validation.Add(errors, "website", "Alamat web harus diawali http:// atau https:// / The website must start with http:// or https://.");
        }

        if (!Enum.TryParse<OpdKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            Validation.Add(errors, "kind", $"Jenis OPD harus salah satu dari / Kind must be one of: {string.Join(", ", Enum.GetNames<OpdKind>())}");
        }

        var regencies = await db.Regions.Where(r => r.Level == RegionLevel.Regency).Select(r => new { r.Id, r.Code }).ToListAsync(ct);
        var regency = string.IsNullOrWhiteSpace(input.RegencyCode)
            ? (regencies.Count == 1 ? regencies[0] : null)
            : regencies.SingleOrDefault(r => r.Code == input.RegencyCode.Trim());
        if (regency is null)
        {
            Validation.Add(errors, "regencyCode", "Kabupaten/kota tidak dikenal / Unknown regency.");
        }
        else if (input.Code is not null && await db.Opds.AnyAsync(o => o.RegionId == regency.Id && o.Code == input.Code.Trim() && o.Id != (existingId ?? 0), ct))
        {
            Validation.Add(errors, "code", "Kode OPD sudah dipakai / This OPD code is already used.");
        }

        return (errors, regency?.Id ?? 0, kind);
    }

    private static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan / Not found", detail: $"{what} tidak ada / does not exist.");
}

public static class ServiceUnitQueries
{
    public static IQueryable<ServiceUnit> Search(IntegritasDbContext db, int? opdId, string? kind, string? regionCode, string? q)
    {
        var query = db.ServiceUnits.AsNoTracking();
        if (opdId is { } id)
        {
            query = query.Where(u => u.OpdId == id);
        }

        if (Enum.TryParse<ServiceUnitKind>(kind, ignoreCase: true, out var k))
        {
            query = query.Where(u => u.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(regionCode))
        {
            var code = regionCode.Trim();
            query = query.Where(u => u.Region!.Code == code || u.Region.Code.StartsWith(code + "."));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower(CultureInfo.InvariantCulture);
            query = query.Where(u => u.Name.ToLower().Contains(term) || u.Code.ToLower().Contains(term));
        }

        return query;
    }
}
