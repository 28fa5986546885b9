namespace Integritas.Core.Budget;

/// <summary>A reference unit price of a catalogue item: who set it (regional standard or national), from when, per what unit.</summary>
public sealed record ReferenceUnitPrice(bool Regional, DateOnly ValidFrom, string Unit, decimal Price);

/// <summary>What a purchase's unit price is compared with, and by how much it is above.</summary>
public sealed record PriceComparison(decimal Reference, decimal MarkupPercent, bool AboveMargin);

/// <summary>
/// Compares a purchase's unit price with the reference price in force on the purchase date (issue 6 item 5). The
/// regency's own standard (standar satuan harga) wins over a national reference where both exist, because it is the
/// one that binds the regency's budget; a price applies from its date until a later price of the same source.
/// Units must match (case and spacing ignored): a price per zak says nothing about a price per kg.
/// </summary>
public static class PriceCheck
{
    /// <summary>
    /// The largest markup kept (what a numeric(12,2) column holds): a price more than a hundred million times its
    /// reference says the reference is wrong (e.g. typed as Rp1), and is shown at this ceiling, still marked.
    /// </summary>
    public const decimal MarkupCeiling = 9_999_999_999.99m;

    public static ReferenceUnitPrice? ReferenceFor(IEnumerable<ReferenceUnitPrice> prices, DateOnly on, string unit)
    {
        ReferenceUnitPrice? best = null;
        foreach (var p in prices)
        {
            if (p.ValidFrom > on || !SameUnit(p.Unit, unit))
            {
                continue;
            }

            if (best is null || (p.Regional && !best.Regional) || (p.Regional == best.Regional && p.ValidFrom > best.ValidFrom))
            {
                best = p;
            }
        }

        return best;
    }

    /// <summary>
    /// Markup = (price − reference) ÷ reference × 100, shown rounded to two places; above the margin when the price is
    /// strictly more than reference × (1 + margin ÷ 100), decided on the exact figures, not the rounded markup. The
    /// markup is kept at most <see cref="MarkupCeiling"/>.
    /// </summary>
    public static PriceComparison Compare(decimal unitPrice, decimal reference, decimal marginPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reference);
        var markup = Math.Min(decimal.Round((unitPrice - reference) / reference * 100m, 2, MidpointRounding.AwayFromZero), MarkupCeiling);
        return new PriceComparison(reference, markup, unitPrice * 100m > reference * (100m + marginPercent));
    }

    public static bool SameUnit(string a, string b) =>
        string.Equals(a.Replace(" ", "", StringComparison.Ordinal), b.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
}
