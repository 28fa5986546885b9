using Integritas.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Features.Errors;

/// <summary>The HTML page people see for errors (404, 400, 500…); the API answers with ProblemDetails instead.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(Ui ui) : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int? kode) => Describe(kode);

    public void OnPost(int? kode) => Describe(kode);

    private void Describe(int? kode)
    {
        // Re-executed after an error: keep the original status. Opened directly: there is nothing wrong (200).
        Code = kode ?? Response.StatusCode;
        if (Code is < 400 or > 599)
        {
            Code = StatusCodes.Status404NotFound;
        }

        Response.StatusCode = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null
            ? StatusCodes.Status404NotFound
            : Code;
        (Title, Explanation) = Code switch
        {
            404 => (ui.T("Halaman tidak ditemukan", "Page not found"), ui.T("Alamat ini tidak ada atau sudah dipindahkan.", "This address does not exist or has moved.")),
            403 => (ui.T("Akses ditolak", "Access denied"), ui.T("Akun Anda tidak berhak membuka halaman ini.", "Your account may not open this page.")),
            400 or 413 or 415 => (ui.T("Permintaan tidak dapat diproses", "The request could not be processed"), ui.T("Periksa isian atau muat ulang halaman, lalu coba lagi.", "Check what you entered or reload the page, then try again.")),
            429 => (ui.T("Terlalu banyak permintaan", "Too many requests"), ui.T("Tunggu sebentar lalu coba lagi.", "Wait a moment and try again.")),
            _ => (ui.T("Terjadi kesalahan", "Something went wrong"), ui.T("Kesalahan ini sudah dicatat. Coba lagi nanti.", "The error has been logged. Please try again later.")),
        };
    }
}
