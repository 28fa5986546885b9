using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;

namespace Integritas.Web.Hosting.Geo;

/// <summary>
/// Finds the desa/kelurahan a point lies in, from the bundled boundaries (<c>wwwroot/geo/desa.geojson</c>, embedded
/// in the assembly). Loaded once, on first use; an R-tree narrows the candidates and prepared polygons answer quickly.
/// </summary>
public sealed class VillageLocator
{
    private const string Resource = "Integritas.Geo.desa.geojson";

    private readonly Lazy<(STRtree<(string Code, IPreparedGeometry Shape)> Tree, Dictionary<string, Geometry> ByCode)> index = new(Load);

    /// <summary>The Kemendagri code of the desa containing the point, or null outside every bundled desa.</summary>
    public string? VillageAt(double latitude, double longitude)
    {
        var point = new Point(longitude, latitude);
        foreach (var (code, shape) in index.Value.Tree.Query(point.EnvelopeInternal))
        {
            if (shape.Covers(point))
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>A point inside the desa (its interior point, not necessarily the centroid), or null if unknown.</summary>
    public (double Latitude, double Longitude)? PointIn(string villageCode) =>
        index.Value.ByCode.TryGetValue(villageCode, out var shape) && shape.InteriorPoint is { IsEmpty: false } p ? (p.Y, p.X) : null;

    private static (STRtree<(string, IPreparedGeometry)>, Dictionary<string, Geometry>) Load()
    {
        var tree = new STRtree<(string, IPreparedGeometry)>();
        var byCode = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        using var stream = typeof(VillageLocator).Assembly.GetManifestResourceStream(Resource);
        if (stream is not null)
        {
            var options = new JsonSerializerOptions();
            options.Converters.Add(new GeoJsonConverterFactory());
            var features = JsonSerializer.Deserialize<FeatureCollection>(stream, options) ?? [];
            var prepare = new PreparedGeometryFactory();
            foreach (var feature in features)
            {
                if (feature.Attributes?["code"] is string code && feature.Geometry is { IsEmpty: false } geometry)
                {
                    tree.Insert(geometry.EnvelopeInternal, (code, prepare.Create(geometry)));
                    byCode[code] = geometry;
                }
            }
        }

        tree.Build();
        return (tree, byCode);
    }
}
