using System.Globalization;
using Integritas.Core.Money;
using Integritas.Core.Time;

namespace Integritas.Web.Hosting;

/// <summary>
/// The UI's two languages. Pages write both texts side by side — <c>Ui.T("Beranda", "Home")</c> — so a
/// translation can never drift away from its original. Indonesian is the default.
/// </summary>
public sealed class Ui
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";

    public static readonly string[] Cultures = [Indonesian, English];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Lang => IsEnglish ? "en" : "id";

    public string T(string indonesian, string english) => IsEnglish ? english : indonesian;

    public string Money(decimal amount) => Rupiah.Format(amount);

    public string Number(decimal value, int decimals = 2) => IsEnglish
        ? value.ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture)
        : Rupiah.Number(value, decimals);

    public string DateTime(DateTime utc) => Wib.FormatDateTime(utc, IsEnglish);

    public string Date(DateOnly date) => Wib.FormatDate(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Wib.Offset), IsEnglish);
}
