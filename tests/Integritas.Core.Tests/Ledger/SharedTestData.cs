namespace Integritas.Core.Tests.Ledger;

/// <summary>
/// Finds the project's shared test data (../shared/testdata beside the checkout) by walking up from the test
/// binaries, so the vectors are read where they live instead of being copied into the repository.
/// </summary>
internal static class SharedTestData
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    public static string PathTo(params string[] parts) => Path.Combine([Directory, .. parts]);

    private static string Locate()
    {
        var start = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "testdata");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"shared/testdata was not found in any folder above {start}. The test vectors live in the project's shared "
            + "folder beside the checkout (e.g. /work/shared/testdata next to /work/<checkout>); check that it is there.");
    }
}
