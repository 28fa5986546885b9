using System.Globalization;
using System.Text.RegularExpressions;
using Integritas.Data;
using Integritas.Data.Budget;
using Integritas.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Web.Features.Budget;

/// <summary>
/// The payment search's filters exactly as they arrive in the query string (the search page, its CSV export and the
/// JSON API share the names), so a bad value becomes a field error instead of a model-binding failure.
/// </summary>
public sealed record PaymentSearchInput(
    string? Year = null,
    string? Opd = null,
    string? Vendor = null,
    string? Account = null,
    string? Month = null,
    string? MinAmount = null,
    string? MaxAmount = null,
    string? Q = null,
    string? Sort = null,
    string? Page = null,
    string? PageSize = null)
{
    public static PaymentSearchInput From(IQueryCollection query) => new(
        query["year"], query["opd"], query["vendor"], query["account"], query["month"], query["minAmount"], query["maxAmount"],
        query["q"], query["sort"], query["page"], query["pageSize"]);
}

/// <summary>Validated payment filters, ready to apply to the payments table.</summary>
public sealed partial record PaymentSearch
{
    public const string Sorts = "date_desc (default), date, amount_desc, amount, id";

    public const string FiltersDescription =
        "Filters (all optional except year): opd = OPD code; vendor = vendor id (exact) or part of the vendor's name; " +
        "account = account code prefix, e.g. 5.1.02; month = 1–12 (payment date); minAmount, maxAmount = Rupiah with a dot or comma for up to two decimals " +
        "(1500000, 1500000.50 or 1.500.000); q = text in the description; sort = " + Sorts + ". Bad values are answered with 400 and field errors.";

    public int Year { get; init; }

    public int? OpdId { get; init; }

    public string? OpdCode { get; init; }

    public string? Vendor { get; init; }

    public string? AccountPrefix { get; init; }

    public int? Month { get; init; }

    public decimal? MinAmount { get; init; }

    public decimal? MaxAmount { get; init; }

    public string? Text { get; init; }

    public string Sort { get; init; } = "date_desc";

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)*\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountPrefixShape();

    [GeneratedRegex(@"^[0-9]+([.,][0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainAmount();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IndonesianAmount();

    [GeneratedRegex(@"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishAmount();

    /// <summary>Checks every filter; the year is required unless <paramref name="defaultYear"/> is given.</summary>
    public static async Task<(PaymentSearch? Search, Dictionary<string, string[]> Errors)> ParseAsync(
        PaymentSearchInput input, IntegritasDbContext db, int? defaultYear, string defaultSort, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int year = 0;
        if (string.IsNullOrWhiteSpace(input.Year) && defaultYear is { } fallback)
        {
            year = fallback;
        }
        else if (!TryInt(input.Year, out year) || year is < 2000 or > 2999)
        {
            Validation.Add(errors, "year", "Tahun wajib diisi (2000–2999), mis. year=2026 / The year is required (2000–2999), e.g. year=2026.");
        }

        int? opdId = null;
        string? opdCode = null;
        if (!string.IsNullOrWhiteSpace(input.Opd))
        {
            opdCode = input.Opd.Trim();
            var code = opdCode;
            opdId = await db.Opds.Where(o => o.Code == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
            if (opdId is null)
            {
                Validation.Add(errors, "opd", $"Tidak ada OPD dengan kode '{Shorten(code)}' / There is no agency with code '{Shorten(code)}'.");
            }
        }

        var vendor = Trimmed(input.Vendor);
        if (vendor is { Length: > 100 })
        {
            Validation.Add(errors, "vendor", "Penyedia paling panjang 100 karakter / The vendor filter is at most 100 characters.");
        }

        var account = Trimmed(input.Account);
        if (account is not null && (account.Length > 40 || !AccountPrefixShape().IsMatch(account)))
        {
            Validation.Add(errors, "account", $"'{Shorten(account)}' bukan awalan kode rekening, mis. 5.1.02 / '{Shorten(account)}' is not an account code prefix, e.g. 5.1.02.");
        }

        int? month = null;
        if (!string.IsNullOrWhiteSpace(input.Month))
        {
            if (TryInt(input.Month, out var m) && m is >= 1 and <= 12)
            {
                month = m;
            }
            else
            {
                Validation.Add(errors, "month", "Bulan 1–12 / The month is 1–12.");
            }
        }

        var min = Amount(input.MinAmount, "minAmount", errors);
        var max = Amount(input.MaxAmount, "maxAmount", errors);
        if (min is { } lo && max is { } hi && lo > hi)
        {
            Validation.Add(errors, "maxAmount", "Jumlah maksimum lebih kecil dari minimum / The maximum amount is below the minimum.");
        }

        var text = Trimmed(input.Q);
        if (text is { Length: > 200 })
        {
            Validation.Add(errors, "q", "Teks pencarian paling panjang 200 karakter / The search text is at most 200 characters.");
        }

        var sort = Trimmed(input.Sort) ?? defaultSort;
        if (sort is not ("date_desc" or "date" or "amount_desc" or "amount" or "id"))
        {
            Validation.Add(errors, "sort", $"Urutan yang dikenal / Known sort orders: {Sorts}.");
        }

        var page = 1;
        var pageSize = 50;
        if (!string.IsNullOrWhiteSpace(input.Page) && !TryInt(input.Page, out page))
        {
            Validation.Add(errors, "page", "Halaman harus bilangan bulat / The page must be a whole number.");
            page = 1;
        }

        if (!string.IsNullOrWhiteSpace(input.PageSize) && !TryInt(input.PageSize, out pageSize))
        {
            Validation.Add(errors, "pageSize", "Ukuran halaman harus bilangan bulat / The page size must be a whole number.");
            pageSize = 50;
        }

        foreach (var (field, messages) in Paging.Validate(page, pageSize) ?? [])
        {
            foreach (var message in messages)
            {
                Validation.Add(errors, field, message);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new PaymentSearch
        {
            Year = year,
            OpdId = opdId,
            OpdCode = opdCode,
            Vendor = vendor,
            AccountPrefix = account,
            Month = month,
            MinAmount = min,
            MaxAmount = max,
            Text = text,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
        }, errors);
    }

    /// <summary>The matching payments (unsorted, unpaged).</summary>
    public async Task<IQueryable<Payment>> ApplyAsync(IntegritasDbContext db, CancellationToken ct)
    {
        var year = Year;
        var query = db.Payments.AsNoTracking().Where(p => p.Year == year);
        if (OpdId is { } opd)
        {
            query = query.Where(p => p.OpdId == opd);
        }

        if (Vendor is { } vendor)
        {
            // The vendor table is small: resolve the names to codes first, so the payments are found through their
            // (VendorCode, Year) index.
            var lower = vendor.ToLowerInvariant();
            var codes = await db.Vendors.Where(v => v.Code == vendor || v.Name.ToLower().Contains(lower)).Select(v => v.Code).Take(1000).ToListAsync(ct);
            codes.Add(vendor);
            query = query.Where(p => p.VendorCode != null && codes.Contains(p.VendorCode));
        }

        if (AccountPrefix is { } account)
        {
            // "5.1.02" matches 5.1.02 and 5.1.02.x but not 5.1.020.
            var exact = account.TrimEnd('.');
            var below = exact + ".";
            query = query.Where(p => p.AccountCode == exact || p.AccountCode.StartsWith(below));
        }

        if (Month is { } month)
        {
            var from = new DateOnly(year, month, 1);
            var to = from.AddMonths(1);
            query = query.Where(p => p.Date >= from && p.Date < to);
        }

        if (MinAmount is { } min)
        {
            query = query.Where(p => p.Amount >= min);
        }

        if (MaxAmount is { } max)
        {
            query = query.Where(p => p.Amount <= max);
        }

        if (Text is { } text)
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(p => p.Description.ToLower().Contains(lower));
        }

        return query;
    }

    public IQueryable<PaymentRow> Ordered(IQueryable<PaymentRow> rows) => Sort switch
    {
        "date" => rows.OrderBy(p => p.Date).ThenBy(p => p.Id),
        "amount" => rows.OrderBy(p => p.Amount).ThenBy(p => p.Id),
        "amount_desc" => rows.OrderByDescending(p => p.Amount).ThenBy(p => p.Id),
        "id" => rows.OrderBy(p => p.Id),
        _ => rows.OrderByDescending(p => p.Date).ThenBy(p => p.Id),
    };

    /// <summary>The query string of these filters (without page), for links and the CSV export.</summary>
    public string QueryString(bool withSort = true)
    {
        var parts = new List<string> { "year=" + Year.ToString(CultureInfo.InvariantCulture) };
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("opd", OpdCode);
        Add("vendor", Vendor);
        Add("account", AccountPrefix);
        Add("month", Month?.ToString(CultureInfo.InvariantCulture));
        Add("minAmount", MinAmount?.ToString(CultureInfo.InvariantCulture));
        Add("maxAmount", MaxAmount?.ToString(CultureInfo.InvariantCulture));
        Add("q", Text);
        if (withSort)
        {
            Add("sort", Sort);
        }

        return string.Join("&", parts);
    }

    private static decimal? Amount(string? raw, string field, Dictionary<string, string[]> errors)
    {
        var value = Trimmed(raw)?.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        string? invariant = null;
        if (value.Length <= 30)
        {
            if (PlainAmount().IsMatch(value))
            {
                invariant = value.Replace(',', '.');
            }
            else if (IndonesianAmount().IsMatch(value))
            {
                invariant = value.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
            }
            else if (EnglishAmount().IsMatch(value))
            {
                invariant = value.Replace(",", "", StringComparison.Ordinal);
            }
        }

        if (invariant is not null && decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount <= 90_000_000_000_000_000m)
        {
            return amount;
        }

        Validation.Add(errors, field, $"'{Shorten(value)}' bukan jumlah Rupiah yang sah (mis. 1500000 atau 1.500.000) / '{Shorten(value)}' is not a valid Rupiah amount (e.g. 1500000 or 1,500,000).");
        return null;
    }

    private static bool TryInt(string? raw, out int value) =>
        int.TryParse(raw?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string? Trimmed(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
