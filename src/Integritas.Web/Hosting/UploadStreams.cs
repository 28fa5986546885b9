namespace Integritas.Web.Hosting;

/// <summary>Uploaded files as seekable streams: sniffing and metadata reading move back and forth in them.</summary>
public static class UploadStreams
{
    /// <summary>The upload as a seekable stream; null for a missing or empty file.</summary>
    public static async Task<Stream?> SeekableOrNullAsync(IFormFile? file, CancellationToken ct) =>
        file is null || file.Length == 0 ? null : await SeekableAsync(file, ct);

    public static async Task<Stream> SeekableAsync(IFormFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var stream = file.OpenReadStream();
        if (stream.CanSeek)
        {
            return stream;
        }

        var copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (stream)
        {
            await stream.CopyToAsync(copy, ct);
        }

        copy.Position = 0;
        return copy;
    }
}
