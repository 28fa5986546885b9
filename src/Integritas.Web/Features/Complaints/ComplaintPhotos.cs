using Integritas.Core.Evidence;
using Integritas.Data.Complaints;
using Integritas.Web.Features.Evidence;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Storage;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Complaints;

/// <summary>A photo as the form or the API received it.</summary>
public sealed record PhotoUpload(Stream Content, long Length);

/// <summary>
/// Checks citizens' and staff's photos and stores only a re-encoded copy: decoding and encoding again drops every
/// metadata field, so a phone's EXIF location never reaches the public (issue 4, item 3).
/// </summary>
public sealed class ComplaintPhotos(IBlobStore blobs, IOptions<ComplaintOptions> options, Ui ui)
{
    public const string Field = "Photos";

    /// <summary>Checks the uploads; adds a field error for each bad one. Returns whether all are acceptable.</summary>
    public bool Validate(IReadOnlyList<PhotoUpload> photos, Action<string, string> error)
    {
        var limits = options.Value;
        if (photos.Count > limits.MaxPhotos)
        {
            error(Field, ui.T($"Paling banyak {limits.MaxPhotos} foto.", $"At most {limits.MaxPhotos} photos."));
            return false;
        }

        var ok = true;
        for (var i = 0; i < photos.Count; i++)
        {
            var photo = photos[i];
            if (photo.Length > limits.MaxPhotoBytes)
            {
                error(Field, ui.T($"Foto {i + 1} lebih besar dari {limits.MaxPhotoBytes / (1024 * 1024)} MB.", $"Photo {i + 1} is larger than {limits.MaxPhotoBytes / (1024 * 1024)} MB."));
                ok = false;
                continue;
            }

            if (MediaInspector.Sniff(photo.Content) is not { Kind: EvidenceKind.Photo })
            {
                error(Field, ui.T($"Berkas {i + 1} bukan foto (JPEG, PNG, WebP, HEIC).", $"File {i + 1} is not a photo (JPEG, PNG, WebP, HEIC)."));
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>
    /// Re-encodes and stores a validated photo; null when it cannot be decoded (the caller reports that to the user).
    /// </summary>
    public async Task<ComplaintPhoto?> StoreAsync(PhotoUpload photo, bool fromCitizen, DateTime nowUtc, CancellationToken ct)
    {
        var full = MediaInspector.ResizedJpeg(photo.Content, options.Value.PhotoMaxWidth, 82);
        var thumbnail = MediaInspector.ResizedJpeg(photo.Content, MediaInspector.ThumbnailWidth, 75);
        if (full is null || thumbnail is null)
        {
            return null;
        }

        var stored = await blobs.PutAsync(new MemoryStream(full.Jpeg), full.Jpeg.Length, ct);
        var thumb = await blobs.PutAsync(new MemoryStream(thumbnail.Jpeg), thumbnail.Jpeg.Length, ct);
        return new ComplaintPhoto
        {
            Sha256 = stored.Sha256,
            ThumbnailSha256 = thumb.Sha256,
            Width = full.Width,
            Height = full.Height,
            Size = stored.Size,
            UploadedAtUtc = nowUtc,
            FromCitizen = fromCitizen,
        };
    }
}
