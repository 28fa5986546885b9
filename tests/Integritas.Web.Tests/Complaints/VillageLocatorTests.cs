using Integritas.Web.Hosting.Geo;

namespace Integritas.Web.Tests.Complaints;

public sealed class VillageLocatorTests
{
    private static readonly VillageLocator Locator = new();

    private static IEnumerable<string> LangkatVillageCodes()
    {
        var csv = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Integritas.Data", "Demo", "Areas", "villages.csv");
        return File.ReadLines(csv).Skip(1).Select(l => l.Split(',')[0]).Where(c => c.StartsWith("12.05.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_langkat_desa_is_bundled_and_a_point_inside_it_is_found_in_it()
    {
        var codes = LangkatVillageCodes().ToList();
        Assert.Equal(277, codes.Count);
        foreach (var code in codes)
        {
            var inside = Locator.PointIn(code);
            Assert.True(inside is not null, $"{code} has no boundary");
            Assert.Equal(code, Locator.VillageAt(inside.Value.Latitude, inside.Value.Longitude));
        }
    }

    [Theory]
    [InlineData(4.60, 98.60)] // the Strait of Malacca
    [InlineData(3.59, 98.67)] // Medan
    [InlineData(-6.20, 106.85)] // Jakarta
    public void Points_outside_the_regency_are_in_no_desa(double latitude, double longitude)
    {
        Assert.Null(Locator.VillageAt(latitude, longitude));
    }

    [Fact]
    public void An_unknown_code_has_no_point()
    {
        Assert.Null(Locator.PointIn("99.99.99.9999"));
    }
}
