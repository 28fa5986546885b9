namespace Integritas.Web.Features.Shared;

/// <summary>
/// A form field's error messages. <c>_FieldErrors</c> renders them in an element with <see cref="Id"/>, which the
/// input points to with <c>aria-describedby</c> while saying <c>aria-invalid="true"</c>; <c>_ErrorSummary</c> lists
/// them at the top of the page with links to the fields.
/// </summary>
/// <param name="InputId">The id of the input the messages are about; empty for errors about no single field.</param>
public sealed record FieldErrors(string InputId, IReadOnlyList<string> Messages)
{
    /// <summary>The id of the element holding the messages: the input's id + "-error".</summary>
    public string Id => InputId + "-error";

    public bool Any => Messages.Count > 0;

    /// <summary>The value for the input's <c>aria-invalid</c>; null leaves the attribute out.</summary>
    public string? Invalid => Any ? "true" : null;

    /// <summary>The value for the input's <c>aria-describedby</c>; null leaves the attribute out.</summary>
    public string? DescribedBy => Any ? Id : null;

    public static FieldErrors For(string inputId, IEnumerable<string>? messages) => new(inputId, messages?.ToList() ?? []);

    /// <summary>The errors of one field, by its key in the page's error dictionary.</summary>
    public static FieldErrors For<TList>(string inputId, IReadOnlyDictionary<string, TList> errors, string key)
        where TList : IEnumerable<string> =>
        For(inputId, errors.TryGetValue(key, out var list) ? list : Enumerable.Empty<string>());
}
