using Integritas.Core.Complaints;

namespace Integritas.Core.Tests.Complaints;

public sealed class ComplaintStatusTests
{
    [Theory]
    [InlineData(ComplaintStatus.Received, "open")]
    [InlineData(ComplaintStatus.Deferred, "open")]
    [InlineData(ComplaintStatus.Verified, "open")]
    [InlineData(ComplaintStatus.Dispositioned, "open")]
    [InlineData(ComplaintStatus.InProgress, "open")]
    [InlineData(ComplaintStatus.Resolved, "closed")]
    [InlineData(ComplaintStatus.Closed, "closed")]
    [InlineData(ComplaintStatus.NotAuthority, "closed")]
    [InlineData(ComplaintStatus.Archived, "closed")]
    [InlineData(ComplaintStatus.Duplicate, "closed")]
    public void Every_detailed_status_maps_onto_open311s_two(ComplaintStatus status, string open311)
    {
        Assert.Equal(open311, ComplaintStatuses.Open311(status));
    }

    [Fact]
    public void Keys_and_labels_exist_for_every_status_and_keys_read_back()
    {
        foreach (var status in ComplaintStatuses.All)
        {
            Assert.True(ComplaintStatuses.TryParseKey(ComplaintStatuses.Key(status), out var back));
            Assert.Equal(status, back);
        }

        // Each status has its own label in each language (the fallback would print the enum name).
        Assert.Equal(ComplaintStatuses.All.Count, ComplaintStatuses.All.Select(s => ComplaintStatuses.Label(s)).Distinct().Count());
        Assert.Equal(ComplaintStatuses.All.Count, ComplaintStatuses.All.Select(s => ComplaintStatuses.Label(s, english: true)).Distinct().Count());
        Assert.DoesNotContain(ComplaintStatuses.All, s => ComplaintStatuses.Label(s) == s.ToString());

        Assert.False(ComplaintStatuses.TryParseKey("bogus", out _));
    }

    [Fact]
    public void Closed_ends_are_final_for_staff_and_verification_comes_before_disposition()
    {
        foreach (var end in new[] { ComplaintStatus.Closed, ComplaintStatus.NotAuthority, ComplaintStatus.Archived, ComplaintStatus.Duplicate })
        {
            Assert.Empty(ComplaintStatuses.StaffMoves(end));
        }

        Assert.DoesNotContain(ComplaintStatus.Dispositioned, ComplaintStatuses.StaffMoves(ComplaintStatus.Received));
        Assert.Contains(ComplaintStatus.Dispositioned, ComplaintStatuses.StaffMoves(ComplaintStatus.Verified));
    }
}
