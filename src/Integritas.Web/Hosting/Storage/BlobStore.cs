using System.Security.Cryptography;
using Integritas.Core.Evidence;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Hosting.Storage;

/// <summary>A stored file, named by its content: the lower-case hex SHA-256 of its bytes.</summary>
public sealed record StoredBlob(string Sha256, long Size);

/// <summary>
/// Content-addressed file storage: a file's name is its SHA-256, so the same bytes are stored once and a changed file
/// can no longer be found under its old name. The file-system store below is the default; an S3-compatible store can
/// implement this interface instead.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the stream's bytes (up to <paramref name="maxBytes"/>) and returns their hash and size.</summary>
    /// <exception cref="BlobTooLargeException">The stream is longer than <paramref name="maxBytes"/>; nothing is stored.</exception>
    Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>Opens a stored file for reading, or null when there is none under that hash.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct);

    /// <summary>Hashes the stored bytes again: null when the file is missing, else whether they still match the name.</summary>
    Task<bool?> VerifyAsync(string sha256, CancellationToken ct);
}

public sealed class BlobTooLargeException(long maxBytes) : Exception($"The file is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>Stores blobs as <c>blobs/sha256/ab/cd/abcd…</c> under the data directory.</summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private readonly string root;

    public FileSystemBlobStore(IOptions<IntegritasOptions> options, IHostEnvironment environment)
        : this(Path.Combine(options.Value.ResolveDataDirectory(environment.ContentRootPath), "blobs", "sha256"))
    {
    }

    public FileSystemBlobStore(string root) => this.root = root;

    public string PathOf(string sha256)
    {
        if (!Sha256Hex.IsValid(sha256))
        {
            throw new ArgumentException("A blob name is 64 lower-case hexadecimal digits.", nameof(sha256));
        }

        return Path.Combine(root, sha256[..2], sha256[2..4], sha256);
    }

    public async Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(root);
        var temporary = Path.Combine(root, $".upload-{Guid.NewGuid():N}");
        try
        {
            string sha256;
            long size = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new BlobTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var target = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                // Same bytes already stored: keep the first copy, never overwrite.
                File.Delete(temporary);
            }
            else
            {
                try
                {
                    File.Move(temporary, target);
                    File.SetAttributes(target, FileAttributes.ReadOnly);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // A concurrent upload of the same bytes got there first: its copy is identical.
                    File.Delete(temporary);
                }
            }

            return new StoredBlob(sha256, size);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    /// <summary>
    /// Hashes the file again, unless it was hashed before with the same size and modification time: public pages check
    /// every file they show, and a 200 MB video should not be read on each view. Any write through the file system
    /// changes the modification time, so an altered file is hashed (and caught) on the next check.
    /// </summary>
    public async Task<bool?> VerifyAsync(string sha256, CancellationToken ct)
    {
        var info = new FileInfo(PathOf(sha256));
        if (!info.Exists)
        {
            return null;
        }

        var stamp = (info.Length, info.LastWriteTimeUtc.Ticks);
        if (verified.TryGetValue(sha256, out var known) && known == stamp)
        {
            return true;
        }

        await using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var intact = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)) == sha256;
        if (intact)
        {
            if (verified.Count >= MaxRemembered)
            {
                verified.Clear();
            }

            verified[sha256] = stamp;
        }
        else
        {
            verified.TryRemove(sha256, out _);
        }

        return intact;
    }

    private const int MaxRemembered = 200_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Length, long Ticks)> verified = new();
}
