namespace Integritas.Web.Features.Complaints;

/// <summary>The <c>Integritas:Complaints</c> configuration section.</summary>
public sealed class ComplaintOptions
{
    public const string Section = "Integritas:Complaints";

    public const int MaxDescriptionLength = 4000;

    /// <summary>Photos a citizen may attach to one report or one message.</summary>
    public int MaxPhotos { get; set; } = 5;

    public long MaxPhotoBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>The largest form post: all photos at their limit plus the text.</summary>
    public long MaxRequestBytes => (MaxPhotos * MaxPhotoBytes) + (1024 * 1024);

    /// <summary>Served photos are re-encoded to at most this width (which also drops every metadata field).</summary>
    public int PhotoMaxWidth { get; set; } = 1600;

    /// <summary>A running clock is "due soon" (reminders go out) once less than this share of its target is left.</summary>
    public double DueSoonShare { get; set; } = 0.25;

    /// <summary>How far around a new report's pin the form looks for open reports of the same category.</summary>
    public int NearbyRadiusMeters { get; set; } = 300;

    /// <summary>Whether loading the demo regency also loads demo complaints.</summary>
    public bool SeedDemoComplaints { get; set; } = true;
}
