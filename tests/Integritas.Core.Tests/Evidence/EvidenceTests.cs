using System.Text;
using Integritas.Core.Evidence;

namespace Integritas.Core.Tests.Evidence;

public sealed class GeoPointTests
{
    [Fact]
    public void Distance_matches_a_known_great_circle()
    {
        // Stabat (Langkat's capital) to Medan city centre: about 29.2 km along the great circle.
        var stabat = new GeoPoint(3.7394, 98.4522);
        var medan = new GeoPoint(3.5952, 98.6722);
        Assert.InRange(stabat.DistanceMetersTo(medan), 29_000, 29_500);

        // One thousandth of a degree of latitude is about 111.2 m anywhere.
        Assert.InRange(new GeoPoint(3.7, 98.4).DistanceMetersTo(new GeoPoint(3.701, 98.4)), 111.1, 111.3);
        Assert.Equal(0, stabat.DistanceMetersTo(stabat));
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(-90.5, 0)]
    [InlineData(0, 181)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    public void Out_of_range_positions_are_refused(double lat, double lon)
    {
        Assert.False(GeoPoint.IsValid(lat, lon));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(lat, lon));
    }

    [Theory]
    [InlineData("3.7394", 3.7394)]
    [InlineData(" 3,7394 ", 3.7394)]
    [InlineData("-98.4522", -98.4522)]
    [InlineData("utara", null)]
    [InlineData("3e1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Typed_degrees_take_a_dot_or_a_comma(string? text, double? expected) =>
        Assert.Equal(expected, GeoPoint.ParseDegrees(text));

    [Fact]
    public void Positions_round_to_six_decimals_and_print_with_a_dot()
    {
        using var _ = new CultureScope("id-ID");
        var p = new GeoPoint(3.12345678, -98.7654321);
        Assert.Equal("3.123457 -98.765432", p.ToString());
    }
}

public sealed class EvidenceChecksTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset End = new(2026, 8, 31, 23, 59, 59, TimeSpan.FromHours(7));
    private static readonly Site Site = new(new GeoPoint(3.7394, 98.4522), 250, Start, End);

    [Fact]
    public void Inside_the_geofence_and_window_raises_no_flag()
    {
        var taken = new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(7));
        var check = EvidenceChecks.Check(Site, new GeoPoint(3.7404, 98.4522), taken, taken.AddHours(3));
        Assert.Equal(EvidenceFlags.None, check.Flags);
        Assert.InRange(check.DistanceMeters, 110, 112);
    }

    [Fact]
    public void Outside_the_geofence_is_flagged_with_its_distance()
    {
        var taken = new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(7));
        var check = EvidenceChecks.Check(Site, new GeoPoint(3.7594, 98.4522), taken, taken);
        Assert.Equal(EvidenceFlags.OutsideGeofence, check.Flags);
        Assert.InRange(check.DistanceMeters, 2_200, 2_250);
    }

    [Fact]
    public void The_geofence_edge_is_inside()
    {
        var site = Site with { GeofenceRadiusMeters = new GeoPoint(3.7394, 98.4522).DistanceMetersTo(new GeoPoint(3.7404, 98.4522)) };
        Assert.Equal(EvidenceFlags.None, EvidenceChecks.Check(site, new GeoPoint(3.7404, 98.4522), Start.AddDays(1), Start.AddDays(1)).Flags);
    }

    [Fact]
    public void Times_outside_the_work_window_or_in_the_future_are_flagged()
    {
        var here = new GeoPoint(3.7394, 98.4522);
        Assert.Equal(EvidenceFlags.BeforeWorkWindow, EvidenceChecks.Check(Site, here, Start.AddSeconds(-1), Start).Flags);
        Assert.Equal(EvidenceFlags.None, EvidenceChecks.Check(Site, here, Start, Start).Flags);
        Assert.Equal(EvidenceFlags.None, EvidenceChecks.Check(Site, here, End, End.AddDays(2)).Flags);
        Assert.Equal(EvidenceFlags.AfterWorkWindow, EvidenceChecks.Check(Site, here, End.AddSeconds(1), End.AddDays(2)).Flags);

        // A camera clock a few minutes fast is tolerated; a capture hours after the upload is not.
        var upload = Start.AddDays(10);
        Assert.Equal(EvidenceFlags.None, EvidenceChecks.Check(Site, here, upload.AddMinutes(4), upload).Flags);
        Assert.Equal(EvidenceFlags.CapturedInFuture, EvidenceChecks.Check(Site, here, upload.AddHours(2), upload).Flags);
    }

    [Fact]
    public void Set_flags_are_listed_in_declaration_order()
    {
        Assert.Empty(EvidenceFlags.None.Each());
        Assert.Equal([EvidenceFlags.OutsideGeofence, EvidenceFlags.CapturedInFuture, EvidenceFlags.LocationFromForm],
            (EvidenceFlags.LocationFromForm | EvidenceFlags.OutsideGeofence | EvidenceFlags.CapturedInFuture).Each());
    }

    [Theory]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true)]
    [InlineData("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", false)]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData(null, false)]
    public void Only_lower_case_sha256_hex_is_a_hash_name(string? text, bool valid) =>
        Assert.Equal(valid, Sha256Hex.IsValid(text));

    [Fact]
    public void Metadata_wins_over_the_form_and_disagreements_are_flagged()
    {
        var meta = new GeoPoint(3.7394, 98.4522);
        var t = Start.AddDays(3);

        var both = EvidenceChecks.Reconcile(t, meta, t.AddMinutes(30), new GeoPoint(3.7395, 98.4522), 250);
        Assert.Equal((t, meta, EvidenceFlags.None), (both.Time, both.Location, both.Flags));

        var far = EvidenceChecks.Reconcile(t, meta, t.AddHours(5), new GeoPoint(3.8, 98.4522), 250);
        Assert.Equal(t, far.Time);
        Assert.Equal(meta, far.Location);
        Assert.Equal(EvidenceFlags.FormDisagreesWithMetadata, far.Flags);

        var typed = EvidenceChecks.Reconcile(null, null, t, meta, 250);
        Assert.Equal(EvidenceFlags.TimeFromForm | EvidenceFlags.LocationFromForm, typed.Flags);
        Assert.Equal(t, typed.Time);

        var missing = EvidenceChecks.Reconcile(null, null, null, null, 250);
        Assert.Null(missing.Time);
        Assert.Null(missing.Location);
    }
}

public sealed class EvidenceEntryTests
{
    private static readonly EvidenceEntry Sample = new(
        42, "LKT-2026-PUPR-001", 2, EvidenceKind.Video, new string('a', 64), 1_048_576,
        new DateTimeOffset(2026, 3, 4, 9, 15, 0, TimeSpan.FromHours(7)), ValueSource.Metadata,
        new GeoPoint(3.761234, 98.456789), ValueSource.Form, new string('b', 64), "Contractor",
        new DateTimeOffset(2026, 3, 4, 5, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_canonical_form_is_fixed_byte_for_byte()
    {
        using var _ = new CultureScope("id-ID");
        var expected =
            "integritas.evidence/v1\n" +
            "evidence 42\n" +
            "package LKT-2026-PUPR-001\n" +
            "milestone 2\n" +
            "kind video\n" +
            $"media sha256:{new string('a', 64)} 1048576\n" +
            "captured 2026-03-04T02:15:00Z metadata\n" +
            "location 3.761234 98.456789 form\n" +
            $"invoice sha256:{new string('b', 64)}\n" +
            "uploader Contractor\n" +
            "uploaded 2026-03-04T05:00:00Z\n";
        Assert.Equal(expected, Sample.Format());
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Sample.ToBytes());
    }

    [Fact]
    public void Entries_parse_back_to_the_same_record()
    {
        var parsed = EvidenceEntry.TryParse(Sample.ToBytes());
        Assert.Equal(Sample with { CapturedAt = Sample.CapturedAt.ToUniversalTime() }, parsed);
        var noInvoice = Sample with { InvoiceSha256 = null, Kind = EvidenceKind.Photo };
        Assert.Contains("invoice none\n", noInvoice.Format(), StringComparison.Ordinal);
        Assert.Equal(noInvoice.Format(), EvidenceEntry.TryParse(noInvoice.ToBytes())!.Format());
    }

    [Theory]
    [InlineData("")]
    [InlineData("integritas.evidence/v2\n")]
    [InlineData("hello")]
    public void Other_bytes_are_not_evidence_entries(string text) =>
        Assert.Null(EvidenceEntry.TryParse(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Non_canonical_spellings_and_damage_are_refused()
    {
        var text = Sample.Format();
        Assert.Null(EvidenceEntry.TryParse(Encoding.UTF8.GetBytes(text.Replace("milestone 2", "milestone 02", StringComparison.Ordinal))));
        Assert.Null(EvidenceEntry.TryParse(Encoding.UTF8.GetBytes(text.Replace("3.761234", "3.7612340", StringComparison.Ordinal))));
        Assert.Null(EvidenceEntry.TryParse(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))));
        Assert.Null(EvidenceEntry.TryParse(Encoding.UTF8.GetBytes(text.TrimEnd('\n'))));
        Assert.Null(EvidenceEntry.TryParse(Encoding.UTF8.GetBytes(text.Replace("sha256:a", "sha256:A", StringComparison.Ordinal))));
        Assert.Null(EvidenceEntry.TryParse([0xff, 0xfe, 0x00]));
    }

    [Fact]
    public void Values_that_would_break_the_format_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => (Sample with { PackageCode = "A B" }).Format());
        Assert.Throws<InvalidOperationException>(() => (Sample with { PackageCode = "A\nB" }).Format());
        Assert.Throws<InvalidOperationException>(() => (Sample with { MediaSha256 = "abc" }).Format());
        Assert.Throws<InvalidOperationException>(() => (Sample with { UploaderRole = "" }).Format());
    }
}
