using Integritas.Core.Complaints;

namespace Integritas.Core.Tests.Complaints;

public sealed class ComplaintFiguresTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_worked_example_of_every_figure()
    {
        var now = T0.AddDays(20);
        ReportFacts[] reports =
        [
            // Answered after 2 h, resolved after 3 days, rated 5.
            new(T0, T0.AddHours(24), T0.AddHours(2), T0.AddDays(3), ComplaintStatus.Closed, 5),
            // Answered after 30 h (late), resolved after 6 days, rated 2.
            new(T0, T0.AddHours(24), T0.AddHours(30), T0.AddDays(6), ComplaintStatus.Resolved, 2),
            // Answered exactly at the due moment (on time), still in progress.
            new(T0, T0.AddHours(24), T0.AddHours(24), null, ComplaintStatus.InProgress),
            // Never answered, due long past: late.
            new(T0, T0.AddHours(24), null, null, ComplaintStatus.Received),
            // Never answered, not yet due (received just now): not counted in the share.
            new(now.AddHours(-1), now.AddHours(23), null, null, ComplaintStatus.Received),
            // Paused before an answer (no due moment): not counted.
            new(T0, null, null, null, ComplaintStatus.Deferred),
            // Declined: counted as received and declined only.
            new(T0, T0.AddHours(24), T0.AddHours(1), null, ComplaintStatus.NotAuthority),
            // Resolved after 10 days, answered on time.
            new(T0, T0.AddHours(24), T0.AddHours(5), T0.AddDays(10), ComplaintStatus.Closed),
        ];

        var f = ComplaintFigures.Compute(reports, now);

        Assert.Equal(8, f.Received);
        Assert.Equal(4, f.Open);
        Assert.Equal(3, f.Resolved);
        Assert.Equal(1, f.Declined);
        Assert.Equal(3, f.AnsweredOnTime);
        Assert.Equal(2, f.AnsweredLate);
        Assert.Equal(60.0, f.AnsweredOnTimePercent);
        Assert.Equal(6.0, f.MedianDaysToResolve);
        Assert.Equal(3.5, f.AverageRating);
    }

    [Fact]
    public void No_reports_give_counts_of_zero_and_no_ratios()
    {
        var f = ComplaintFigures.Compute([], T0);
        Assert.Equal(0, f.Received);
        Assert.Null(f.AnsweredOnTimePercent);
        Assert.Null(f.MedianDaysToResolve);
        Assert.Null(f.AverageRating);
    }

    [Theory]
    [InlineData(new double[] { 5 }, 5)]
    [InlineData(new double[] { 9, 1, 5 }, 5)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_values(double[] values, double expected)
    {
        Assert.Equal(expected, ComplaintFigures.Median(values));
    }

    [Fact]
    public void Percentages_round_half_away_from_zero_to_one_decimal()
    {
        // 2 on time of 3 = 66.666… → 66.7; 1 of 8 = 12.5 exactly.
        static ReportFacts Answered(bool onTime) => new(T0, T0.AddHours(24), T0.AddHours(onTime ? 1 : 30), null, ComplaintStatus.InProgress);
        Assert.Equal(66.7, ComplaintFigures.Compute([Answered(true), Answered(true), Answered(false)], T0).AnsweredOnTimePercent);
        Assert.Equal(12.5, ComplaintFigures.Compute([Answered(true), .. Enumerable.Repeat(Answered(false), 7)], T0).AnsweredOnTimePercent);
    }
}
