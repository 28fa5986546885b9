using System.Text.Json.Nodes;

namespace Integritas.Core.Ocds;

/// <summary>
/// Collects a release's parties with their roles and hands out the OrganizationReference objects that point at
/// them. Party ids are stable across processes ("opd-{code}", "penyedia-{vendor id}") so that indicators can
/// group by buyer, procuring entity and tenderer.
/// </summary>
internal sealed class OcdsParties
{
    /// <summary>
    /// The identifier scheme under which vendors' tax numbers (NPWP) are published; a scheme name of the
    /// publisher's own, to be replaced by an org-id.guide code once one is registered for NPWP.
    /// </summary>
    public const string TaxNumberScheme = "ID-NPWP";

    private readonly List<Party> parties = [];

    public static string AgencyId(OcdsAgency agency) => $"opd-{agency.Code}";

    public static string VendorId(string vendorId) => $"penyedia-{vendorId}";

    public JsonObject Agency(OcdsAgency agency, string role) =>
        Add(AgencyId(agency), agency.Name, taxNumber: null, role);

    public JsonObject Vendor(OcdsVendor vendor, string role) =>
        Add(VendorId(vendor.Id), vendor.Name, vendor.TaxNumber, role);

    public JsonArray ToJson()
    {
        var array = new JsonArray();
        foreach (var party in parties)
        {
            var json = new JsonObject { ["id"] = party.Id, ["name"] = party.Name };
            if (party.TaxNumber is not null)
            {
                json["identifier"] = new JsonObject
                {
                    ["scheme"] = TaxNumberScheme,
                    ["id"] = party.TaxNumber,
                    ["legalName"] = party.Name,
                };
            }

            json["roles"] = new JsonArray([.. party.Roles.Select(role => (JsonNode)role)]);
            array.Add(json);
        }

        return array;
    }

    private JsonObject Add(string id, string name, string? taxNumber, string role)
    {
        var party = parties.Find(existing => existing.Id == id);
        if (party is null)
        {
            party = new Party(id, name, taxNumber);
            parties.Add(party);
        }

        if (!party.Roles.Contains(role))
        {
            party.Roles.Add(role);
        }

        return new JsonObject { ["id"] = id, ["name"] = name };
    }

    private sealed record Party(string Id, string Name, string? TaxNumber)
    {
        public List<string> Roles { get; } = [];
    }
}
