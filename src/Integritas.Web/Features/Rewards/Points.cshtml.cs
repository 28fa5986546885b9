using System.Security.Claims;
using Integritas.Data;
using Integritas.Data.Rewards;
using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Rewards;

/// <summary>The citizen's points: balance, the ledger, reports that earned, vouchers, and turning points into a voucher.</summary>
[Authorize(AuthenticationSchemes = CitizenSignIn.Scheme)]
public sealed class PointsModel(IntegritasDbContext db, PointsLedger ledger, Vouchers vouchers, IOptions<RewardOptions> options) : PageModel
{
    public const int PageSize = 20;

    public long AccountId { get; private set; }

    public string Phone { get; private set; } = "";

    public int Balance { get; private set; }

    public List<PointsEntry> Lines { get; private set; } = [];

    public Dictionary<long, string> ReportNumbers { get; private set; } = [];

    public List<RewardVoucher> Issued { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public RewardOptions Settings => options.Value;

    /// <summary>The voucher just issued, shown at the top.</summary>
    public RewardVoucher? NewVoucher { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    [BindProperty]
    public VoucherPurpose? Purpose { get; set; }

    [BindProperty]
    public int? Points { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRedeemAsync(CancellationToken ct)
    {
        var redeemed = await vouchers.RedeemAsync(Id(), Purpose, Points, ct);
        if (redeemed.Voucher is null)
        {
            Errors = redeemed.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            NewVoucher = redeemed.Voucher;
            Points = null;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CitizenSignIn.Scheme);
        return Redirect("/poin/masuk");
    }

    private long Id() => long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        AccountId = Id();
        Phone = await db.CitizenAccounts.Where(a => a.Id == AccountId).Select(a => a.Phone).SingleAsync(ct);
        Balance = await ledger.BalanceAsync(AccountId, ct);
        Pager = new Pager(Request, PageNumber, PageSize, await ledger.LineCountAsync(AccountId, ct));
        Lines = await ledger.LinesAsync(AccountId, Pager.Skip, PageSize, ct);
        ReportNumbers = await ledger.ReportNumbersAsync(Lines, ct);
        Issued = await vouchers.OfAccountAsync(AccountId, ct);
    }
}
