using System.Security.Cryptography;
using Integritas.Web.Hosting.Storage;

namespace Integritas.Web.Tests;

public sealed class BlobStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("integritas-blobs-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Files_are_stored_once_under_their_hash_and_verified()
    {
        var store = new FileSystemBlobStore(root);
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var stored = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.PutAsync(new MemoryStream(bytes), bytes.Length, Ct)));
        Assert.All(stored, s => Assert.Equal(new StoredBlob(sha, bytes.Length), s));
        Assert.Single(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
        Assert.Equal(store.PathOf(sha), Path.Combine(root, sha[..2], sha[2..4], sha));
        Assert.True(await store.VerifyAsync(sha, Ct));

        await using (var read = await store.OpenReadAsync(sha, Ct))
        {
            Assert.Equal(sha, Convert.ToHexStringLower(await SHA256.HashDataAsync(read!, Ct)));
        }

        Assert.Null(await store.OpenReadAsync(new string('0', 64), Ct));
        Assert.Null(await store.VerifyAsync(new string('0', 64), Ct));
        Assert.Throws<ArgumentException>(() => store.PathOf("../../etc/passwd"));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_leaves_nothing_behind()
    {
        var store = new FileSystemBlobStore(root);
        var error = await Assert.ThrowsAsync<BlobTooLargeException>(() => store.PutAsync(new MemoryStream(new byte[10_001]), 10_000, Ct));
        Assert.Equal(10_000, error.MaxBytes);
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_changed_file_fails_verification_even_after_a_good_check()
    {
        var store = new FileSystemBlobStore(root);
        var blob = await store.PutAsync(new MemoryStream([1, 2, 3, 4]), 100, Ct);
        Assert.True(await store.VerifyAsync(blob.Sha256, Ct));
        var path = store.PathOf(blob.Sha256);
        File.SetAttributes(path, FileAttributes.Normal);
        await File.WriteAllBytesAsync(path, [1, 2, 3, 5], Ct);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        Assert.False(await store.VerifyAsync(blob.Sha256, Ct));
    }
}
