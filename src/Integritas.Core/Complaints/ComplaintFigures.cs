namespace Integritas.Core.Complaints;

/// <summary>What the figures need to know about one report.</summary>
public sealed record ReportFacts(
    DateTime ReceivedUtc,
    DateTime? ResponseDueUtc,
    DateTime? FirstResponseUtc,
    DateTime? ResolvedUtc,
    ComplaintStatus Status,
    int? Rating = null);

/// <summary>The published figures for a set of reports.</summary>
/// <param name="Received">All reports received.</param>
/// <param name="Open">Reports still open (Open311 <c>open</c>).</param>
/// <param name="Resolved">Reports the OPD resolved (resolved or closed after resolution).</param>
/// <param name="Declined">Not the regency's authority, archived, or merged duplicates.</param>
/// <param name="AnsweredOnTime">First public answer at or before the response due moment.</param>
/// <param name="AnsweredLate">Answered after the due moment, or still unanswered with the due moment passed.</param>
/// <param name="AnsweredOnTimePercent">On time ÷ (on time + late) × 100, one decimal; null when no clock has ended.</param>
/// <param name="MedianDaysToResolve">Median of (resolved − received) in days over resolved reports; null when none.</param>
/// <param name="AverageRating">Mean of the citizens' ratings (1–5), two decimals; null when none.</param>
public sealed record ComplaintFigureSet(
    int Received,
    int Open,
    int Resolved,
    int Declined,
    int AnsweredOnTime,
    int AnsweredLate,
    double? AnsweredOnTimePercent,
    double? MedianDaysToResolve,
    double? AverageRating);

/// <summary>
/// The complaint dashboard's figures, defined once so the page, the CSV and the tests agree. "Answered within 24
/// hours" compares the first public staff answer with the response clock's due moment, which already applies the
/// category's target and any pause while waiting for the citizen; reports whose clock has not ended yet, and
/// declined reports, are left out of that share.
/// </summary>
public static class ComplaintFigures
{
    public static ComplaintFigureSet Compute(IEnumerable<ReportFacts> reports, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(reports);
        int received = 0, open = 0, resolved = 0, declined = 0, onTime = 0, late = 0;
        var days = new List<double>();
        var ratings = new List<int>();
        foreach (var r in reports)
        {
            received++;
            if (ComplaintStatuses.IsOpen(r.Status))
            {
                open++;
            }

            if (ComplaintStatuses.IsDeclined(r.Status))
            {
                declined++;
                continue;
            }

            if (r.ResolvedUtc is { } done)
            {
                resolved++;
                days.Add((done - r.ReceivedUtc).TotalDays);
            }

            if (r.Rating is { } stars)
            {
                ratings.Add(stars);
            }

            if (r.FirstResponseUtc is { } answered)
            {
                if (r.ResponseDueUtc is null || answered <= r.ResponseDueUtc)
                {
                    onTime++;
                }
                else
                {
                    late++;
                }
            }
            else if (r.ResponseDueUtc is { } due && nowUtc >= due)
            {
                late++;
            }
        }

        return new ComplaintFigureSet(
            received,
            open,
            resolved,
            declined,
            onTime,
            late,
            onTime + late == 0 ? null : Math.Round(100.0 * onTime / (onTime + late), 1, MidpointRounding.AwayFromZero),
            Median(days) is { } median ? Math.Round(median, 1, MidpointRounding.AwayFromZero) : null,
            ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>The middle value (the mean of the two middle values for an even count); null for no values.</summary>
    public static double? Median(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
