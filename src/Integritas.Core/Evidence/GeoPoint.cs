using System.Globalization;

namespace Integritas.Core.Evidence;

/// <summary>A WGS 84 position in decimal degrees, rounded to 6 decimals (about 0.1 m) so it prints and parses back exactly.</summary>
public readonly record struct GeoPoint
{
    public const double EarthRadiusMeters = 6_371_008.8;

    public GeoPoint(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be between -90 and 90 degrees.");
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be between -180 and 180 degrees.");
        }

        Latitude = Math.Round(latitude, 6, MidpointRounding.AwayFromZero);
        Longitude = Math.Round(longitude, 6, MidpointRounding.AwayFromZero);
    }

    public double Latitude { get; }

    public double Longitude { get; }

    /// <summary>
    /// A typed coordinate in decimal degrees, with a dot or a comma as the decimal sign (phones set to Indonesian type a
    /// comma); null for anything else. Range is checked by <see cref="IsValid"/>.
    /// </summary>
    public static double? ParseDegrees(string? text) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    /// <summary>Great-circle distance by the haversine formula on the mean Earth radius (IUGG); within 0.5% of the ellipsoid.</summary>
    public double DistanceMetersTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>"lat lon" with 6 decimals and a dot, e.g. <c>3.761234 98.456789</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude:F6} {Longitude:F6}");
}
