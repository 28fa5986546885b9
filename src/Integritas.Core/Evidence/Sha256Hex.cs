namespace Integritas.Core.Evidence;

/// <summary>The one spelling of a SHA-256 the platform writes and accepts as a name: 64 lower-case hexadecimal digits.</summary>
public static class Sha256Hex
{
    public static bool IsValid(string? value) =>
        value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
