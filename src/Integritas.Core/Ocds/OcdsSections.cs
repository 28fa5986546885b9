using System.Text.Json.Nodes;

namespace Integritas.Core.Ocds;

/// <summary>The sections of a release (planning, tender, bids, awards, contracts) for one snapshot.</summary>
internal static class OcdsSections
{
    public static JsonObject Value(decimal amount) =>
        new() { ["amount"] = amount, ["currency"] = OcdsPublication.Currency };

    public static JsonObject Planning(ReleaseSnapshot snapshot)
    {
        var process = snapshot.Process;
        var budget = new JsonObject
        {
            ["id"] = process.BudgetLineCode ?? $"APBD-{process.FiscalYear}",
            ["description"] = $"APBD {process.FiscalYear}",
        };
        if (process.Pagu is { } pagu)
        {
            budget["amount"] = Value(pagu);
        }

        var planning = new JsonObject { ["budget"] = budget };
        AddDocuments(planning, snapshot, DocumentSection.Planning);
        return planning;
    }

    public static JsonObject Tender(ReleaseSnapshot snapshot, OcdsParties parties)
    {
        var process = snapshot.Process;
        var tender = new JsonObject
        {
            ["id"] = process.PackageId,
            ["title"] = process.Title,
        };
        // Core OCDS has no field for the site: the location is appended to the description.
        string?[] parts = [process.Description, process.Location is null ? null : $"Lokasi: {process.Location}"];
        if (parts.Any(part => part is not null))
        {
            tender["description"] = string.Join(' ', parts.OfType<string>());
        }

        tender["status"] = snapshot.Cancelled ? "cancelled"
            : snapshot.Knows(ProcessStage.Award) ? "complete"
            : snapshot.Knows(ProcessStage.Tender) ? "active"
            : "planned";
        if (process.Hps is { } hps)
        {
            tender["value"] = Value(hps);
        }

        tender["procurementMethod"] = OcdsCodes.Method(process.Method);
        tender["procurementMethodDetails"] = OcdsCodes.MethodDetails(process.Method);
        tender["mainProcurementCategory"] = OcdsCodes.MainCategory(process.Category);
        if (OcdsCodes.AdditionalCategory(process.Category) is { } additional)
        {
            tender["additionalProcurementCategories"] = new JsonArray(additional);
        }

        tender["procuringEntity"] = parties.Agency(process.ProcuringEntity ?? process.Buyer, "procuringEntity");
        if (process.TenderPeriod is { } period && snapshot.Knows(ProcessStage.Tender))
        {
            tender["tenderPeriod"] = Period(period);
        }

        if (snapshot.Knows(ProcessStage.Evaluation))
        {
            var tenderers = new JsonArray();
            foreach (var vendorId in SubmittingVendors(process))
            {
                tenderers.Add(parties.Vendor(snapshot.Vendor(vendorId), "tenderer"));
            }

            tender["tenderers"] = tenderers;
            tender["numberOfTenderers"] = tenderers.Count;
        }

        AddDocuments(tender, snapshot, DocumentSection.Tender);
        return tender;
    }

    /// <summary>The bid extension's section, once bids are opened; null before.</summary>
    public static JsonObject? Bids(ReleaseSnapshot snapshot, OcdsParties parties)
    {
        if (!snapshot.Knows(ProcessStage.Evaluation))
        {
            return null;
        }

        var bids = snapshot.Process.Bids;
        var submitted = bids.Where(bid => OcdsCodes.IsSubmitted(bid.Status)).ToList();
        var date = OcdsCodes.Date(snapshot.Date);
        JsonObject Statistic(string measure, int value) =>
            new() { ["id"] = measure, ["measure"] = measure, ["date"] = date, ["value"] = value };

        var statistics = new JsonArray
        {
            Statistic("bids", submitted.Count),
            Statistic("validBids", submitted.Count(bid => bid.Status == BidStatus.Valid)),
            Statistic("bidders", submitted.Select(bid => bid.VendorId).Distinct(StringComparer.Ordinal).Count()),
            Statistic("disqualifiedBidders", submitted
                .Where(bid => bid.Status == BidStatus.Disqualified)
                .Select(bid => bid.VendorId)
                .Distinct(StringComparer.Ordinal)
                .Count()),
        };
        var details = new JsonArray();
        foreach (var bid in bids)
        {
            // A withdrawn bid was submitted too: its vendor is a party with the tenderer role.
            var vendor = snapshot.Vendor(bid.VendorId);
            details.Add(new JsonObject
            {
                ["id"] = bid.Id,
                ["date"] = OcdsCodes.Date(bid.Date),
                ["status"] = OcdsCodes.Bid(bid.Status),
                ["tenderers"] = new JsonArray(parties.Vendor(vendor, "tenderer")),
                ["value"] = Value(bid.Amount),
            });
        }

        return new JsonObject { ["statistics"] = statistics, ["details"] = details };
    }

    public static JsonArray? Awards(ReleaseSnapshot snapshot, OcdsParties parties)
    {
        if (!snapshot.Knows(ProcessStage.Award) || snapshot.Process.Award is not { } award)
        {
            return null;
        }

        var status = snapshot.Cancelled ? AwardStatus.Cancelled : award.Status;
        var json = new JsonObject
        {
            ["id"] = award.Id,
            ["title"] = snapshot.Process.Title,
            ["status"] = OcdsCodes.Award(status),
            ["date"] = OcdsCodes.Date(award.Date),
            ["value"] = Value(award.Value),
            ["suppliers"] = new JsonArray(parties.Vendor(snapshot.Vendor(award.SupplierVendorId), "supplier")),
        };
        AddDocuments(json, snapshot, DocumentSection.Award);
        return [json];
    }

    public static JsonArray? Contracts(ReleaseSnapshot snapshot, OcdsParties parties)
    {
        var process = snapshot.Process;
        if (!snapshot.Knows(ProcessStage.Contract) || process.Contract is not { } contract || process.Award is not { } award)
        {
            return null;
        }

        var json = new JsonObject
        {
            ["id"] = contract.Id,
            ["awardID"] = award.Id,
            ["title"] = contract.Number,
            ["status"] = OcdsCodes.Contract(contract.Status),
        };
        if (contract.Period is { } period)
        {
            json["period"] = Period(period);
        }

        json["value"] = Value(contract.Value);
        if (contract.DateSigned is { } signed)
        {
            json["dateSigned"] = OcdsCodes.Date(signed);
        }

        if (process.Milestones.Count > 0)
        {
            json["milestones"] = new JsonArray([.. process.Milestones.Select(milestone => (JsonNode)Milestone(milestone, snapshot.Date))]);
        }

        AddDocuments(json, snapshot, DocumentSection.Contract);
        if (snapshot.Knows(ProcessStage.Implementation))
        {
            json["implementation"] = Implementation(snapshot, parties, award);
        }

        return [json];
    }

    private static JsonObject Implementation(ReleaseSnapshot snapshot, OcdsParties parties, OcdsAward award)
    {
        var process = snapshot.Process;
        var transactions = new JsonArray();
        foreach (var payment in process.Payments.Where(payment => payment.Date <= snapshot.Date).OrderBy(payment => payment.Date))
        {
            var transaction = new JsonObject { ["id"] = payment.Id };
            if (payment.Description is not null)
            {
                transaction["description"] = payment.Description;
            }

            transaction["date"] = OcdsCodes.Date(payment.Date);
            transaction["value"] = Value(payment.Amount);
            transaction["payer"] = parties.Agency(payment.Payer ?? process.Buyer, "payer");
            transaction["payee"] = parties.Vendor(snapshot.Vendor(payment.PayeeVendorId ?? award.SupplierVendorId), "payee");
            transactions.Add(transaction);
        }

        var implementation = new JsonObject { ["transactions"] = transactions };
        AddDocuments(implementation, snapshot, DocumentSection.Implementation);
        return implementation;
    }

    /// <summary>A milestone's status as of <paramref name="asOf"/>: met once its date met has passed, not met once overdue.</summary>
    private static JsonObject Milestone(OcdsMilestone milestone, DateTimeOffset asOf)
    {
        var met = milestone.DateMet is { } dateMet && dateMet <= asOf;
        var status = met ? "met" : milestone.DueDate is { } due && due < asOf ? "notMet" : "scheduled";
        var json = new JsonObject { ["id"] = milestone.Id, ["title"] = milestone.Title, ["type"] = "delivery" };
        if (milestone.DueDate is { } dueDate)
        {
            json["dueDate"] = OcdsCodes.Date(dueDate);
        }

        if (met)
        {
            json["dateMet"] = OcdsCodes.Date(milestone.DateMet!.Value);
        }

        json["status"] = status;
        json["dateModified"] = OcdsCodes.Date(asOf);
        return json;
    }

    private static JsonObject Period(ProcessPeriod period)
    {
        var json = new JsonObject();
        if (period.Start is { } start)
        {
            json["startDate"] = OcdsCodes.Date(start);
        }

        if (period.End is { } end)
        {
            json["endDate"] = OcdsCodes.Date(end);
        }

        return json;
    }

    /// <summary>Vendors with a submitted bid, in the order of their first bid.</summary>
    private static IEnumerable<string> SubmittingVendors(ContractingProcess process) =>
        process.Bids.Where(bid => OcdsCodes.IsSubmitted(bid.Status)).Select(bid => bid.VendorId).Distinct(StringComparer.Ordinal);

    private static void AddDocuments(JsonObject section, ReleaseSnapshot snapshot, DocumentSection kind)
    {
        var documents = snapshot.Process.Documents
            .Where(document => document.Section == kind && document.DatePublished <= snapshot.Date)
            .ToList();
        if (documents.Count == 0)
        {
            return;
        }

        var array = new JsonArray();
        foreach (var document in documents)
        {
            var json = new JsonObject
            {
                ["id"] = document.Id,
                ["documentType"] = document.DocumentType,
                ["title"] = document.Title,
            };
            if (document.Sha256 is not null)
            {
                json["description"] = $"SHA-256: {document.Sha256}";
            }

            json["url"] = document.Url.AbsoluteUri;
            json["datePublished"] = OcdsCodes.Date(document.DatePublished);
            if (document.Format is not null)
            {
                json["format"] = document.Format;
            }

            json["language"] = OcdsPublication.Language;
            array.Add(json);
        }

        section["documents"] = array;
    }
}
