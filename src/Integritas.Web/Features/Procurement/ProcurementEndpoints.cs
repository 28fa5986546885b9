namespace Integritas.Web.Features.Procurement;

/// <summary>The pact downloads beside the package page.</summary>
public static class ProcurementEndpoints
{
    public static void MapProcurement(this WebApplication app)
    {
        var group = app.MapGroup("/pengadaan/{code}").ExcludeFromDescription();
        group.MapGet("/pakta.json", PackageModel.PactJsonAsync);
        group.MapGet("/pakta-tanda-tangan.json", PackageModel.PactSignaturesJsonAsync);
    }
}
