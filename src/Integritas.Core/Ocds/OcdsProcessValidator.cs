namespace Integritas.Core.Ocds;

/// <summary>
/// Checks that a process can be published consistently: stages in order, the data each stage needs present,
/// references to vendors resolvable, ids unique, no negative amounts. Throws <see cref="ArgumentException"/>.
/// </summary>
public static class OcdsProcessValidator
{
    public static void Validate(ContractingProcess process)
    {
        var problems = Problems(process).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"Package {process.PackageId} cannot be published as OCDS: {string.Join("; ", problems)}.", nameof(process));
        }
    }

    public static IEnumerable<string> Problems(ContractingProcess process)
    {
        if (string.IsNullOrWhiteSpace(process.PackageId))
        {
            yield return "the package id is empty";
        }

        foreach (var problem in StageProblems(process))
        {
            yield return problem;
        }

        var vendors = process.Vendors.Select(vendor => vendor.Id).ToHashSet(StringComparer.Ordinal);
        if (vendors.Count != process.Vendors.Count)
        {
            yield return "two vendors share an id";
        }

        foreach (var (what, ids) in new (string, IEnumerable<string>)[]
        {
            ("bid", process.Bids.Select(bid => bid.Id)),
            ("milestone", process.Milestones.Select(milestone => milestone.Id)),
            ("payment", process.Payments.Select(payment => payment.Id)),
            ("document", process.Documents.Select(document => document.Id)),
        })
        {
            foreach (var duplicate in ids.GroupBy(id => id, StringComparer.Ordinal).Where(group => group.Count() > 1))
            {
                yield return $"{what} id {duplicate.Key} is used twice";
            }
        }

        var referenced = process.Bids.Select(bid => bid.VendorId)
            .Concat(process.Award is { } award ? [award.SupplierVendorId] : [])
            .Concat(process.Payments.Select(payment => payment.PayeeVendorId).OfType<string>());
        foreach (var missing in referenced.Where(id => !vendors.Contains(id)).Distinct(StringComparer.Ordinal))
        {
            yield return $"vendor {missing} is referenced but not listed among the vendors";
        }

        var amounts = new (string, decimal?)[] { ("HPS", process.Hps), ("pagu", process.Pagu), ("award value", process.Award?.Value), ("contract value", process.Contract?.Value) }
            .Concat(process.Bids.Select(bid => ($"bid {bid.Id}", (decimal?)bid.Amount)))
            .Concat(process.Payments.Select(payment => ($"payment {payment.Id}", (decimal?)payment.Amount)));
        foreach (var (what, amount) in amounts)
        {
            if (amount < 0)
            {
                yield return $"the {what} is negative";
            }
        }

        if (process.Payments.Count > 0 && process.Award is null && process.Payments.Any(payment => payment.PayeeVendorId is null))
        {
            yield return "a payment without a payee needs the award's supplier";
        }
    }

    private static IEnumerable<string> StageProblems(ContractingProcess process)
    {
        if (process.Stages.Count == 0)
        {
            yield return "the stage history is empty";
            yield break;
        }

        StageEntry? previous = null;
        foreach (var entry in process.Stages)
        {
            if (previous is not null)
            {
                if (entry.Date < previous.Date)
                {
                    yield return $"stage {entry.Stage} ({entry.Date:O}) is dated before {previous.Stage} ({previous.Date:O})";
                }

                if (previous.Stage == ProcessStage.Cancelled)
                {
                    yield return $"stage {entry.Stage} follows the cancellation";
                }
                else if (entry.Stage < previous.Stage)
                {
                    yield return $"stage {entry.Stage} follows the later stage {previous.Stage}";
                }
            }

            previous = entry;
        }

        var reached = process.Stages.Where(entry => entry.Stage != ProcessStage.Cancelled).Select(entry => entry.Stage).DefaultIfEmpty().Max();
        if (reached >= ProcessStage.Award && process.Award is null)
        {
            yield return "the award stage is reached but there is no award";
        }

        if (reached >= ProcessStage.Contract && process.Contract is null)
        {
            yield return "the contract stage is reached but there is no contract";
        }

        if (process.Stages.Any(entry => entry.Stage == ProcessStage.Cancelled) && reached >= ProcessStage.Contract)
        {
            yield return "a process with a contract is not cancelled: terminate the contract instead";
        }
    }
}
