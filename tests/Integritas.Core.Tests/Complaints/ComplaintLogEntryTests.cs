using System.Text;
using Integritas.Core.Complaints;

namespace Integritas.Core.Tests.Complaints;

public sealed class ComplaintLogEntryTests
{
    [Fact]
    public void The_entry_is_fixed_lines_with_the_note_as_its_hash_only()
    {
        var entry = new ComplaintLogEntry("K7Q3-M9XD", 118, "jalan-rusak", ComplaintStatus.InProgress, "OpdOperator",
            new DateTimeOffset(2026, 11, 29, 10, 15, 0, TimeSpan.FromHours(7)), "abc");

        // SHA-256("abc") is FIPS 180-2's first example.
        Assert.Equal(
            "integritas.complaint/v1\nreport K7Q3-M9XD\nupdate 118\ncategory jalan-rusak\nstatus in_progress open\nactor OpdOperator\n" +
            "at 2026-11-29T03:15:00Z\nnote sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n",
            Encoding.UTF8.GetString(entry.ToBytes()));
    }

    [Fact]
    public void A_change_without_a_note_says_so()
    {
        var entry = new ComplaintLogEntry("K7Q3-M9XD", 1, "jalan-rusak", ComplaintStatus.Resolved, "citizen",
            new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), null);
        Assert.EndsWith("status resolved closed\nactor citizen\nat 2026-11-29T00:00:00Z\nnote -\n", entry.Format());
    }

    [Theory]
    [InlineData("k7q3-m9xd", "jalan-rusak", "citizen")]
    [InlineData("K7Q3-M9XD", "jalan rusak", "citizen")]
    [InlineData("K7Q3-M9XD", "jalan-rusak", "Budi Santoso")]
    public void Non_canonical_fields_are_refused_rather_than_logged(string number, string category, string actor)
    {
        var entry = new ComplaintLogEntry(number, 1, category, ComplaintStatus.Received, actor, DateTimeOffset.UnixEpoch, null);
        Assert.Throws<ArgumentException>(() => entry.Format());
    }
}
