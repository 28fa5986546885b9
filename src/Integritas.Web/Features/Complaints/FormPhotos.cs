using Integritas.Web.Hosting;

namespace Integritas.Web.Features.Complaints;

/// <summary>A form's photo files opened as seekable streams for the services, closed together afterwards.</summary>
public sealed class FormPhotos : IAsyncDisposable
{
    private readonly List<PhotoUpload> uploads = [];

    public IReadOnlyList<PhotoUpload> Uploads => uploads;

    public static async Task<FormPhotos> OpenAsync(IEnumerable<IFormFile> files, CancellationToken ct)
    {
        var opened = new FormPhotos();
        try
        {
            foreach (var file in files.Where(f => f.Length > 0))
            {
                opened.uploads.Add(new PhotoUpload(await UploadStreams.SeekableAsync(file, ct), file.Length));
            }

            return opened;
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var upload in uploads)
        {
            await upload.Content.DisposeAsync();
        }
    }
}
