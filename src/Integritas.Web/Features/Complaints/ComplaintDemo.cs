using Integritas.Core.Complaints;
using Integritas.Core.Evidence;
using Integritas.Data;
using Integritas.Data.Complaints;
using Integritas.Data.Demo;
using Integritas.Data.Identity;
using Integritas.Web.Features.Evidence;
using Integritas.Web.Hosting;
using Integritas.Web.Hosting.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Integritas.Web.Features.Complaints;

/// <summary>
/// The home regency's complaint categories (Open311 services) with their OPD and targets, the 2026 national holidays,
/// and a few weeks of citizens' reports in every state, made through the real intake and workflow on a moving clock.
/// </summary>
public static class ComplaintDemo
{
    private sealed record CategoryPlan(string Code, string NameId, string NameEn, string Group, string OpdShortCode, ReportKind Kind, int ResponseHours, int ResolutionDays, int Points, string Keywords, string DescriptionId);

    // OPD codes as in the demo regency (Kepmendagri 050-5889/2021).
    private static readonly CategoryPlan[] Categories =
    [
        new("jalan-rusak", "Jalan rusak atau berlubang", "Damaged road or potholes", "Infrastruktur", "1.03.0.00.0.00.01.0000", ReportKind.Complaint, 24, 10, 20, "jalan,lubang,aspal", "Jalan kabupaten yang rusak, berlubang atau amblas."),
        new("drainase", "Drainase tersumbat atau banjir", "Blocked drain or flooding", "Infrastruktur", "1.03.0.00.0.00.01.0000", ReportKind.Complaint, 24, 5, 15, "parit,banjir,drainase", "Parit dan saluran yang tersumbat, genangan dan banjir."),
        new("lampu-jalan", "Lampu penerangan jalan mati", "Street light out", "Infrastruktur", "2.15.0.00.0.00.01.0000", ReportKind.Complaint, 24, 5, 10, "lampu,PJU,gelap", "Lampu penerangan jalan umum yang mati atau rusak."),
        new("sampah", "Sampah menumpuk", "Uncollected rubbish", "Lingkungan", "2.11.0.00.0.00.01.0000", ReportKind.Complaint, 24, 3, 10, "sampah,TPS,bau", "Sampah yang tidak diangkut dan TPS liar."),
        new("pungli", "Pungutan liar", "Illegal fees", "Integritas", "6.01.0.00.0.00.01.0000", ReportKind.Complaint, 24, 5, 50, "pungli,suap,biaya", "Biaya tidak resmi yang diminta petugas di layanan publik."),
        new("pelayanan-petugas", "Pelayanan petugas tidak baik", "Poor treatment at a counter", "Pelayanan publik", "5.03.5.04.0.00.01.0000", ReportKind.Complaint, 24, 5, 10, "petugas,loket,antre", "Petugas tidak ramah, lambat atau tidak hadir pada jam layanan."),
        new("adminduk", "KTP, KK atau akta", "ID card, family card or certificates", "Pelayanan publik", "2.12.0.00.0.00.01.0000", ReportKind.Complaint, 24, 5, 10, "KTP,KK,akta,dukcapil", "Masalah pengurusan dokumen kependudukan."),
        new("kesehatan", "Layanan puskesmas atau RSUD", "Health centre or hospital service", "Pelayanan publik", "1.02.0.00.0.00.01.0000", ReportKind.Complaint, 24, 5, 10, "puskesmas,RSUD,BPJS", "Layanan kesehatan di puskesmas dan rumah sakit daerah."),
        new("sekolah", "Sekolah", "Schools", "Pelayanan publik", "1.01.0.00.0.00.01.0000", ReportKind.Complaint, 24, 10, 10, "sekolah,guru,PIP", "Gedung sekolah, pungutan sekolah, guru."),
        new("aspirasi", "Aspirasi dan usulan", "Suggestions", "Aspirasi", "5.01.5.05.0.00.01.0000", ReportKind.Aspiration, 24, 14, 5, "usulan,aspirasi,musrenbang", "Usulan pembangunan dan saran untuk pemerintah kabupaten."),
        new("informasi", "Permintaan informasi", "Information request", "Informasi", "2.16.2.20.2.21.01.0000", ReportKind.InformationRequest, 24, 10, 0, "informasi,PPID,data", "Permintaan informasi publik (PPID)."),
    ];

    // Libur nasional and cuti bersama 2026 (SKB 3 Menteri); administrators keep the list current.
    private static readonly (string Date, string Name)[] Holidays2026 =
    [
        ("2026-01-01", "Tahun Baru 2026 Masehi"), ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"), ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
        ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948"), ("2026-03-20", "Idul Fitri 1447 H"), ("2026-03-21", "Idul Fitri 1447 H"),
        ("2026-04-03", "Wafat Yesus Kristus"), ("2026-05-01", "Hari Buruh Internasional"), ("2026-05-14", "Kenaikan Yesus Kristus"),
        ("2026-05-27", "Idul Adha 1447 H"), ("2026-05-31", "Hari Raya Waisak 2570 BE"), ("2026-06-01", "Hari Lahir Pancasila"),
        ("2026-06-16", "Tahun Baru Islam 1448 H"), ("2026-08-17", "Hari Kemerdekaan Republik Indonesia"), ("2026-08-25", "Maulid Nabi Muhammad SAW"),
        ("2026-12-25", "Hari Raya Natal"),
    ];

    /// <summary>A citizen who reported three times (points enough for a voucher): sign in at /poin with this number.</summary>
    public const string FrequentReporter = "0812 6000 4000";

    private sealed record ReportPlan(string Category, string District, string Text, string Address, ComplaintStatus Target, int DaysAgo);

    private static readonly ReportPlan[] Reports =
    [
        new("jalan-rusak", "12.05.07", "Jalan di depan SD Negeri Kwala Bingai berlubang besar sejak dua bulan, sepeda motor sering jatuh malam hari.", "Jl. Sudirman, Kwala Bingai", ComplaintStatus.InProgress, 9),
        new("jalan-rusak", "12.05.11", "Aspal jalan menuju Pasar Tanjung Pura amblas sepanjang kira-kira 20 meter setelah hujan deras.", "Jl. Pasar Baru, Tanjung Pura", ComplaintStatus.Resolved, 21),
        new("jalan-rusak", "12.05.01", "Jalan ke objek wisata Bukit Lawang rusak parah, bus wisata tidak bisa lewat.", "Jl. Bukit Lawang km 4", ComplaintStatus.Dispositioned, 3),
        new("jalan-rusak", "12.05.07", "Lubang di jalan depan SD Negeri Kwala Bingai belum ditambal.", "Jl. Sudirman, Stabat", ComplaintStatus.Duplicate, 8),
        new("drainase", "12.05.14", "Parit di Jl. Veteran tersumbat sampah, air meluap ke rumah warga setiap hujan.", "Jl. Veteran, Pangkalan Brandan", ComplaintStatus.Closed, 35),
        new("drainase", "12.05.15", "Gorong-gorong di depan masjid ambruk, air menggenang di jalan.", "Dusun III, Pangkalan Susu", ComplaintStatus.InProgress, 6),
        new("drainase", "12.05.09", "Banjir rob setinggi lutut di Desa Jaring Halus, saluran ke laut tertutup lumpur.", "Desa Jaring Halus", ComplaintStatus.Verified, 1),
        new("lampu-jalan", "12.05.07", "Lampu jalan di simpang Kantor Bupati mati lima titik, rawan begal.", "Simpang Jl. Tengku Amir Hamzah", ComplaintStatus.Closed, 28),
        new("lampu-jalan", "12.05.10", "Lampu PJU di jembatan Hinai mati sejak seminggu.", "Jembatan Hinai", ComplaintStatus.Received, 0),
        new("sampah", "12.05.07", "Sampah di TPS Pasar Stabat tidak diangkut empat hari, bau sampai ke sekolah.", "Pasar Stabat", ComplaintStatus.Closed, 40),
        new("sampah", "12.05.14", "Ada tempat pembuangan sampah liar di pinggir Sungai Babalan.", "Tepi Sungai Babalan", ComplaintStatus.Dispositioned, 2),
        new("pungli", "12.05.07", "Saat mengurus surat pindah di kantor desa diminta uang Rp150.000 tanpa kuitansi.", "Kantor Desa", ComplaintStatus.InProgress, 5),
        new("pungli", "12.05.16", "Juru parkir di Pasar Besitang menarik tarif Rp5.000, karcis resmi Rp2.000.", "Pasar Besitang", ComplaintStatus.Resolved, 12),
        new("pelayanan-petugas", "12.05.11", "Loket pelayanan kecamatan tutup jam 11 siang padahal jadwal sampai jam 3.", "Kantor Camat Tanjung Pura", ComplaintStatus.Closed, 18),
        new("adminduk", "12.05.07", "KTP elektronik saya belum jadi sejak tiga bulan, setiap datang disuruh kembali minggu depan.", "Disdukcapil Stabat", ComplaintStatus.Deferred, 4),
        new("adminduk", "12.05.12", "Akta kelahiran anak salah tulis nama ibu, mohon dibantu perbaikannya.", "Padang Tualang", ComplaintStatus.Resolved, 15),
        new("kesehatan", "12.05.11", "Antrean di poli anak RSUD Tanjung Pura sampai 5 jam, dokter datang terlambat.", "RSUD Tanjung Pura", ComplaintStatus.InProgress, 3),
        new("kesehatan", "12.05.22", "Puskesmas pembantu di Kutambaru tidak ada petugas selama seminggu.", "Pustu Kutambaru", ComplaintStatus.Received, 1),
        new("sekolah", "12.05.13", "Atap kelas 4 SD Negeri di Gebang bocor, murid belajar di teras.", "SD Negeri Gebang", ComplaintStatus.Dispositioned, 7),
        new("sekolah", "12.05.08", "Sekolah meminta uang perpisahan Rp300.000 per siswa.", "Wampu", ComplaintStatus.NotAuthority, 11),
        new("aspirasi", "12.05.01", "Mohon dibangun tempat parkir dan toilet umum di Bukit Lawang untuk wisatawan.", "Bukit Lawang", ComplaintStatus.Verified, 2),
        new("informasi", "12.05.07", "Mohon informasi jadwal dan syarat program bedah rumah tahun 2026.", "Stabat", ComplaintStatus.Closed, 25),
        new("jalan-rusak", "12.05.05", "tes", "-", ComplaintStatus.Archived, 6),
        new("lampu-jalan", "12.05.14", "Dua lampu jalan di Jl. Pelabuhan padam.", "Jl. Pelabuhan, Pangkalan Brandan", ComplaintStatus.InProgress, 2),
    ];

    /// <summary>Loads the categories and holidays if there are none, then the demo reports; returns how many reports were made.</summary>
    public static async Task<int> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<IntegritasDbContext>();
        var options = services.GetRequiredService<IOptions<ComplaintOptions>>();
        var regency = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == DemoRegencyGenerator.HomeRegencyCode, ct);
        if (regency is null || !options.Value.SeedDemoComplaints || await db.ComplaintCategories.AnyAsync(ct))
        {
            return 0;
        }

        var opds = await db.Opds.AsNoTracking().Where(o => o.RegionId == regency.Id).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        foreach (var (plan, i) in Categories.Select((c, i) => (c, i)))
        {
            var category = new ComplaintCategory
            {
                Code = plan.Code,
                NameId = plan.NameId,
                NameEn = plan.NameEn,
                DescriptionId = plan.DescriptionId,
                Group = plan.Group,
                Keywords = plan.Keywords,
                Kind = plan.Kind,
                DefaultOpdId = opds.GetValueOrDefault(plan.OpdShortCode) is > 0 and var id ? id : null,
                ResponseHours = plan.ResponseHours,
                ResolutionWorkingDays = plan.ResolutionDays,
                RewardPoints = plan.Points,
                SortOrder = i,
            };
            if (plan.Code == "jalan-rusak")
            {
                category.Attributes.Add(new ComplaintCategoryAttribute
                {
                    Code = "tingkat",
                    Datatype = AttributeDatatype.SingleValueList,
                    Required = false,
                    Description = "Tingkat kerusakan / How bad is it",
                    Order = 1,
                    Values = "ringan=Ringan (retak) / Minor\nsedang=Sedang (berlubang) / Moderate\nberat=Berat (amblas, tidak bisa dilewati) / Severe",
                });
            }

            db.ComplaintCategories.Add(category);
        }

        foreach (var (date, name) in Holidays2026)
        {
            db.Holidays.Add(new Holiday { Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Name = name });
        }

        await db.SaveChangesAsync(ct);

        // Reports are made through the real intake and workflow, on a clock set back to when each event happened.
        var real = services.GetRequiredService<TimeProvider>();
        var demoTime = new DemoTime(real.GetUtcNow());
        var ui = services.GetRequiredService<Ui>();
        var clock = new ComplaintClock(db, demoTime, options);
        var photos = new ComplaintPhotos(services.GetRequiredService<IBlobStore>(), options, ui);
        var ledger = services.GetRequiredService<ComplaintLedger>();
        var locator = services.GetRequiredService<Hosting.Geo.VillageLocator>();
        var intake = new ComplaintIntake(db, clock, photos, ledger, locator, ui);
        var workflow = new ComplaintWorkflow(db, clock, photos, ledger, intake, ui, points: new Rewards.PointsLedger(db, demoTime));
        var random = new Random(2026);
        var villages = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(DemoRegencyGenerator.HomeRegencyCode + ".") && r.Level == Core.Organisation.RegionLevel.Village)
            .Select(r => r.Code).ToListAsync(ct);
        var now = real.GetUtcNow();
        var made = new Dictionary<string, string>();
        var count = 0;
        foreach (var (plan, n) in Reports.Select((r, i) => (r, i)))
        {
            var received = now.AddDays(-plan.DaysAgo).AddHours(-random.Next(1, 10)).AddMinutes(-random.Next(60));
            demoTime.Set(received);
            var village = villages.Where(v => v.StartsWith(plan.District + ".", StringComparison.Ordinal)).OrderBy(_ => random.Next()).FirstOrDefault();
            // The pin lies inside the chosen desa (the bundled boundaries), a little off its interior point.
            var (lat, lon) = (village is null ? null : locator.PointIn(village)) ?? (3.75, 98.45);
            lat += (random.NextDouble() - 0.5) * 0.001;
            lon += (random.NextDouble() - 0.5) * 0.001;
            IReadOnlyList<PhotoUpload> attached = n % 3 == 0
                ? [Upload(DemoPhotos.Photo(plan.Address, received, new GeoPoint(lat, lon), n))]
                : [];
            var result = await intake.SubmitAsync(new ComplaintSubmission
            {
                CategoryCode = plan.Category,
                Description = plan.Text,
                Latitude = ComplaintIntake.Degrees(lat),
                Longitude = ComplaintIntake.Degrees(lon),
                Address = plan.Address,
                RegionCode = village,
                Photos = attached,
                Name = n % 4 == 0 ? null : $"Warga {n + 1}",
                Phone = n is 0 or 12 or 16 ? FrequentReporter : n % 2 == 0 ? $"08126{n:D3}{4000 + n:D4}" : null,
                HideName = n % 5 == 0,
                Channel = n % 6 == 5 ? ComplaintChannel.Open311 : ComplaintChannel.Web,
                IdempotencyKey = $"demo-{n}",
            }, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo report {n} was refused: {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
            }

            var complaint = (await workflow.LoadAsync(result.Complaint!.TrackingNumber, ct))!;
            made.TryAdd($"{plan.Category}/{plan.District}", complaint.TrackingNumber);
            await PlayAsync(workflow, demoTime, complaint, plan, made, received, random, ct);
            count++;
        }

        return count;
    }

    private static PhotoUpload Upload(byte[] bytes) => new(new MemoryStream(bytes), bytes.Length);

    /// <summary>Takes a new report to its planned state the way staff and the citizen would.</summary>
    private static async Task PlayAsync(ComplaintWorkflow workflow, DemoTime time, Complaint complaint, ReportPlan plan,
        Dictionary<string, string> made, DateTimeOffset received, Random random, CancellationToken ct)
    {
        var coordinator = new StaffActor(null, Roles.Verifier);
        var operatorActor = new StaffActor(null, Roles.OpdOperator);
        var at = received;

        async Task Staff(StaffDecision decision, StaffActor actor, double hoursLater)
        {
            at = at.AddHours(hoursLater);
            time.Set(at);
            var result = await workflow.DecideAsync(complaint, decision, actor, isCoordinator: actor == coordinator, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo step refused for {complaint.TrackingNumber}: {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
            }
        }

        async Task Citizen(ComplaintWorkflow.CitizenAction action, string? text, int? rating, double hoursLater)
        {
            at = at.AddHours(hoursLater);
            time.Set(at);
            await workflow.CitizenAsync(complaint, action, text, rating, [], ct);
        }

        switch (plan.Target)
        {
            case ComplaintStatus.Received:
                return;
            case ComplaintStatus.Archived:
                await Staff(new() { To = ComplaintStatus.Archived, Text = "Laporan tidak berisi uraian masalah (uji coba)." }, coordinator, 2);
                return;
            case ComplaintStatus.Duplicate:
                await Staff(new() { To = ComplaintStatus.Duplicate, DuplicateOf = made.GetValueOrDefault("jalan-rusak/12.05.07") }, coordinator, 3);
                return;
            case ComplaintStatus.NotAuthority:
                await Staff(new() { To = ComplaintStatus.NotAuthority, Text = "Pungutan di sekolah menengah atas adalah kewenangan Pemerintah Provinsi Sumatera Utara; laporan diteruskan ke Ombudsman RI Perwakilan Sumut." }, coordinator, 5);
                return;
            case ComplaintStatus.Deferred:
                await Staff(new() { To = ComplaintStatus.Deferred, Text = "Mohon lengkapi NIK dan tanggal perekaman KTP-el agar dapat kami telusuri." }, coordinator, 4);
                return;
        }

        await Staff(new() { To = ComplaintStatus.Verified, Text = "Laporan telah diverifikasi dan akan diteruskan ke OPD terkait." }, coordinator, 1 + (random.NextDouble() * 6));
        if (complaint.ReporterPhone is not null)
        {
            // Verified reports with a phone number are judged valid: their reporters earn the category's points.
            await workflow.SetValidityAsync(complaint, valid: true, "demo", ct);
        }
        if (plan.Target == ComplaintStatus.Verified)
        {
            return;
        }

        await Staff(new() { To = ComplaintStatus.Dispositioned }, coordinator, 1);
        if (plan.Target == ComplaintStatus.Dispositioned)
        {
            return;
        }

        var today = Core.Sla.HolidayCalendar.WibDate(at.UtcDateTime);
        await Staff(new()
        {
            To = ComplaintStatus.InProgress,
            Text = "Tim reaksi cepat sudah meninjau lokasi. Perbaikan dijadwalkan.",
            ExpectedDate = today.AddDays(5 + random.Next(5)),
        }, operatorActor, 4 + (random.NextDouble() * 10));
        await Staff(new()
        {
            Text = "Foto progres pekerjaan hari ini.",
            Photos = [Upload(DemoPhotos.Photo("Progres " + plan.Address, at.AddHours(20), null, complaint.TrackingNumber.GetHashCode(StringComparison.Ordinal)))],
        }, operatorActor, 20);
        if (plan.Target == ComplaintStatus.InProgress)
        {
            return;
        }

        await Staff(new() { To = ComplaintStatus.Resolved, Text = "Pekerjaan telah selesai. Mohon konfirmasi bila masalah sudah teratasi." }, operatorActor, 24 * (1 + random.Next(4)));
        if (plan.Target == ComplaintStatus.Resolved)
        {
            return;
        }

        await Citizen(ComplaintWorkflow.CitizenAction.Confirm, "Terima kasih, sudah diperbaiki.", 3 + random.Next(3), 10);
    }

    /// <summary>A clock the demo moves to each event's moment.</summary>
    private sealed class DemoTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public void Set(DateTimeOffset moment) => now = moment;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
