using System.Text.RegularExpressions;

namespace Integritas.Core.Ocds;

/// <summary>
/// What the publisher configures: the ocid prefix (e.g. "ocds-afzrfb") and the package metadata.
/// </summary>
public sealed partial record OcdsPublication
{
    /// <summary>The bid extension (bids.statistics, bids.details), version 1.1.5.</summary>
    public const string BidExtension =
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";

    public const string Currency = "IDR";

    public const string Language = "id";

    public OcdsPublication(string ocidPrefix, string publisherName, Uri? license = null, Uri? publicationPolicy = null)
    {
        if (!OcidPrefixPattern().IsMatch(ocidPrefix))
        {
            throw new ArgumentException(
                $"The ocid prefix must be 'ocds-' and six lowercase letters or digits (e.g. ocds-afzrfb), not '{ocidPrefix}'.",
                nameof(ocidPrefix));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(publisherName);
        OcidPrefix = ocidPrefix;
        PublisherName = publisherName;
        License = license;
        PublicationPolicy = publicationPolicy;
    }

    public string OcidPrefix { get; }

    public string PublisherName { get; }

    public Uri? License { get; }

    public Uri? PublicationPolicy { get; }

    /// <summary>The process's ocid: the prefix, a hyphen and the package id.</summary>
    public string Ocid(ContractingProcess process) => Ocid(process.PackageId);

    public string Ocid(string packageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packageId);
        return $"{OcidPrefix}-{packageId}";
    }

    [GeneratedRegex("^ocds-[a-z0-9]{6}$")]
    private static partial Regex OcidPrefixPattern();
}
