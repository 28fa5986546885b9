using System.Globalization;
using System.Text.Json;
using Integritas.Core.Organisation;
using Integritas.Data.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Integritas.Data.Demo;

/// <summary>
/// Loads a Langkat-like regency: the real administrative areas of Kabupaten Langkat (Kemendagri codes), its
/// perangkat daerah, service units, positions and officials. Deterministic: the same scale always gives the
/// same rows. A larger scale adds the province's other regencies, up to all of Sumatera Utara.
/// </summary>
public static class DemoRegencyGenerator
{
    public const int Seed = 1205;
    public const string ProvinceCode = "12";
    public const string HomeRegencyCode = "12.05";

    /// <summary>Sumatera Utara has 33 kabupaten/kota; a scale of 33 is the whole province.</summary>
    public const int MaxScale = 33;

    public sealed record Summary(int Regions, int Opds, int ServiceUnits, int Positions, int Officials);

    public sealed record AreaRow(string Code, string ParentCode, string Name);

    /// <summary>Kabupaten Langkat first, then the province's other regencies in code order.</summary>
    public static IReadOnlyList<AreaRow> RegenciesForScale(int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);
        var all = ReadAreas("regencies.csv");
        return all.Where(r => r.Code == HomeRegencyCode)
            .Concat(all.Where(r => r.Code != HomeRegencyCode).OrderBy(r => r.Code, StringComparer.Ordinal))
            .Take(scale)
            .ToList();
    }

    /// <summary>True when the database holds no regions yet (first start).</summary>
    public static async Task<bool> IsEmptyAsync(IntegritasDbContext db, CancellationToken ct = default) =>
        !await db.Regions.AnyAsync(ct);

    public static async Task<Summary> LoadAsync(IntegritasDbContext db, int scale = 1, CancellationToken ct = default)
    {
        var regencies = RegenciesForScale(scale);
        var provinceRow = ReadAreas("provinces.csv").Single(p => p.Code == ProvinceCode);
        var districts = ReadAreas("districts.csv").ToLookup(d => d.ParentCode);
        var villages = ReadAreas("villages.csv").ToLookup(v => v.ParentCode);

        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        var previousAudit = db.AuditEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AuditEnabled = false;
        var counts = new int[5];
        try
        {
            var province = await db.Regions.SingleOrDefaultAsync(r => r.Code == ProvinceCode, ct);
            if (province is null)
            {
                province = new Region { Code = provinceRow.Code, Name = provinceRow.Name, Level = RegionLevel.Province };
                db.Regions.Add(province);
                counts[0]++;
            }

            // NIPs already taken (earlier runs, real officials) are avoided, so a larger scale can be seeded on top.
            var nips = new HashSet<string>(await db.Officials.Where(o => o.Nip != null).Select(o => o.Nip!).ToListAsync(ct), StringComparer.Ordinal);
            foreach (var regencyRow in regencies)
            {
                if (await db.Regions.AnyAsync(r => r.Code == regencyRow.Code, ct))
                {
                    continue; // already loaded: seeding is idempotent per regency
                }

                // One random stream per regency: a regency's rows do not depend on which others were loaded before it.
                var random = new Random(Seed * 100 + int.Parse(regencyRow.Code[3..], System.Globalization.CultureInfo.InvariantCulture));
                var batch = new RegencyBuilder(regencyRow, province, districts, villages, random, nips);
                batch.Build();
                db.Regions.AddRange(batch.Regions);
                db.Opds.AddRange(batch.Opds);
                db.ServiceUnits.AddRange(batch.Units);
                db.Positions.AddRange(batch.Positions);
                db.Officials.AddRange(batch.Officials);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                province = await db.Regions.SingleAsync(r => r.Code == ProvinceCode, ct);
                counts[0] += batch.Regions.Count;
                counts[1] += batch.Opds.Count;
                counts[2] += batch.Units.Count;
                counts[3] += batch.Positions.Count;
                counts[4] += batch.Officials.Count;
            }

            db.AuditEnabled = previousAudit;
            var summary = new Summary(counts[0], counts[1], counts[2], counts[3], counts[4]);
            if (counts.Any(c => c > 0))
            {
                db.AddBulkAudit("DemoData", JsonSerializer.Serialize(new { scale, summary }));
                await db.SaveChangesAsync(ct);
            }

            return summary;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previousDetect;
            db.AuditEnabled = previousAudit;
        }
    }

    /// <summary>Reads one of the embedded Kemendagri area files (<c>code,parent_code,name</c>).</summary>
    public static IReadOnlyList<AreaRow> ReadAreas(string file)
    {
        using var stream = typeof(DemoRegencyGenerator).Assembly.GetManifestResourceStream("Integritas.Data.Demo.Areas." + file)
            ?? throw new InvalidOperationException($"Embedded area file {file} is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<AreaRow>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var first = line.IndexOf(',', StringComparison.Ordinal);
            if (file == "provinces.csv")
            {
                rows.Add(new AreaRow(line[..first], "", Unquote(line[(first + 1)..])));
                continue;
            }

            var second = line.IndexOf(',', first + 1);
            rows.Add(new AreaRow(line[..first], line[(first + 1)..second], Unquote(line[(second + 1)..])));
        }

        return rows;
    }

    private static string Unquote(string field) =>
        field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;

    /// <summary>Builds one regency's rows in memory; object references carry the foreign keys.</summary>
    private sealed class RegencyBuilder(
        AreaRow regencyRow,
        Region province,
        ILookup<string, AreaRow> districts,
        ILookup<string, AreaRow> villages,
        Random random,
        HashSet<string> nips)
    {
        public List<Region> Regions { get; } = [];

        public List<Opd> Opds { get; } = [];

        public List<ServiceUnit> Units { get; } = [];

        public List<Position> Positions { get; } = [];

        public List<Official> Officials { get; } = [];

        private string ShortRegencyName => regencyRow.Name.Replace("Kabupaten ", "", StringComparison.Ordinal).Replace("Kota ", "", StringComparison.Ordinal);

        public void Build()
        {
            var regency = new Region { Code = regencyRow.Code, Name = regencyRow.Name, Level = RegionLevel.Regency, Parent = province };
            Regions.Add(regency);
            var kecamatan = new List<Region>();
            foreach (var d in districts[regencyRow.Code].OrderBy(d => d.Code, StringComparer.Ordinal))
            {
                var district = new Region { Code = d.Code, Name = d.Name, Level = RegionLevel.District, Parent = regency };
                Regions.Add(district);
                kecamatan.Add(district);
                foreach (var v in villages[d.Code].OrderBy(v => v.Code, StringComparer.Ordinal))
                {
                    Regions.Add(new Region { Code = v.Code, Name = v.Name, Level = RegionLevel.Village, Parent = district });
                }
            }

            var isCity = RegionCode.TryParse(regencyRow.Code, out var rc) && rc.Value.IsCity == true;
            var headTitle = isCity ? "Wali Kota" : "Bupati";

            // The seat of government: Stabat for Langkat, else the first kecamatan.
            var seat = kecamatan.FirstOrDefault(k => k.Name == "Stabat") ?? kecamatan[0];
            var opdByCode = new Dictionary<string, Opd>(StringComparer.Ordinal);
            foreach (var t in OpdTemplates.All)
            {
                var opd = new Opd
                {
                    Code = t.Code,
                    Name = t.Name,
                    ShortName = t.ShortName,
                    Kind = t.Kind,
                    Region = regency,
                    Address = $"Jl. {Pick(StreetNames)} No. {random.Next(1, 120)}, {seat.Name}",
                };
                Opds.Add(opd);
                opdByCode[t.Code] = opd;
            }

            var setda = opdByCode["4.01.0.00.0.00.01.0000"];
            var bupati = AddPosition($"{headTitle} {ShortRegencyName}", setda, null, null, isHead: false, elected: true);
            AddPosition($"Wakil {headTitle} {ShortRegencyName}", setda, bupati, null, isHead: false, elected: true);
            var sekda = AddPosition("Sekretaris Daerah", setda, bupati, "II.a", isHead: true);
            var asisten = new[]
            {
                AddPosition("Asisten Pemerintahan dan Kesejahteraan Rakyat", setda, sekda, "II.b"),
                AddPosition("Asisten Perekonomian dan Pembangunan", setda, sekda, "II.b"),
                AddPosition("Asisten Administrasi Umum", setda, sekda, "II.b"),
            };

            foreach (var t in OpdTemplates.All)
            {
                var opd = opdByCode[t.Code];
                Position head;
                if (opd == setda)
                {
                    head = sekda;
                }
                else
                {
                    // The inspectorate answers to the head of the region directly; everyone else through the Sekda.
                    var superior = t.Kind == OpdKind.Inspektorat ? bupati : sekda;
                    head = AddPosition(HeadTitle(t), opd, superior, "II.b", isHead: true);
                }

                var secretary = opd == setda ? null : AddPosition(t.Kind == OpdKind.Sekretariat ? "Kepala Bagian Umum" : "Sekretaris", opd, head, "III.a");
                if (secretary is not null)
                {
                    AddPosition("Kepala Subbagian Umum dan Kepegawaian", opd, secretary, "IV.a");
                }

                for (var i = 0; i < t.Fields.Length; i++)
                {
                    var field = t.Fields[i];
                    var superior = opd == setda ? asisten[i % asisten.Length] : head;
                    var title = field.StartsWith("Bidang", StringComparison.Ordinal) ? "Kepala " + field
                        : field.StartsWith("Bagian", StringComparison.Ordinal) ? "Kepala " + field
                        : field.StartsWith("Subbagian", StringComparison.Ordinal) ? "Kepala " + field
                        : field;
                    AddPosition(title, opd, superior, field.StartsWith("Subbagian", StringComparison.Ordinal) ? "IV.a" : "III.b");
                }
            }

            var dinkes = opdByCode["1.02.0.00.0.00.01.0000"];
            var dukcapil = opdByCode["2.12.0.00.0.00.01.0000"];
            var ptsp = opdByCode["2.18.0.00.0.00.01.0000"];
            var bapenda = opdByCode["5.02.0.00.0.00.02.0000"];
            var disdik = opdByCode["1.01.0.00.0.00.01.0000"];
            var headOf = Positions.Where(p => p.IsHead).ToDictionary(p => p.Opd!);

            for (var i = 0; i < kecamatan.Count; i++)
            {
                var kec = kecamatan[i];
                var number = kec.Code[^2..];
                var kantor = AddUnit($"KEC-{number}", $"Kantor Camat {kec.Name}", ServiceUnitKind.KantorKecamatan, setda, kec);
                AddPosition($"Camat {kec.Name}", setda, sekda, "III.a", unit: kantor);

                var puskesmas = AddUnit($"PKM-{number}", $"Puskesmas {kec.Name}", ServiceUnitKind.Puskesmas, dinkes, kec);
                AddPosition($"Kepala Puskesmas {kec.Name}", dinkes, headOf[dinkes], "IV.a", unit: puskesmas);
                if (random.NextDouble() < 0.3)
                {
                    // Larger kecamatan have a second puskesmas in another village.
                    var desa = Regions.Where(r => r.Parent == kec).ToList();
                    if (desa.Count > 0)
                    {
                        var site = desa[random.Next(desa.Count)];
                        var second = AddUnit($"PKM-{number}B", $"Puskesmas {site.Name}", ServiceUnitKind.Puskesmas, dinkes, site);
                        AddPosition($"Kepala Puskesmas {site.Name}", dinkes, headOf[dinkes], "IV.a", unit: second);
                    }
                }

                if (i % 4 == 0)
                {
                    AddUnit($"DUK-{number}", $"UPT Pelayanan Dukcapil {kec.Name}", ServiceUnitKind.Upt, dukcapil, kec);
                }

                if (i % 6 == 0)
                {
                    AddUnit($"PBB-{number}", $"UPT Pelayanan PBB {kec.Name}", ServiceUnitKind.Upt, bapenda, kec);
                }

                AddUnit($"SDN-{number}", $"SD Negeri 0{50 + i} {kec.Name}", ServiceUnitKind.Sekolah, disdik, kec);
            }

            AddUnit("MPP", $"Mal Pelayanan Publik {ShortRegencyName}", ServiceUnitKind.Loket, ptsp, seat);
            AddUnit("DUK-PUSAT", $"Loket Pelayanan Disdukcapil {ShortRegencyName}", ServiceUnitKind.Loket, dukcapil, seat);
        }

        private static readonly string[] StreetNames =
            ["Proklamasi", "Sudirman", "Tengku Amir Hamzah", "Jend. Gatot Subroto", "Imam Bonjol", "Pemuda", "Cut Nyak Dien", "Lintas Sumatera", "Kartini", "Merdeka"];

        private static string HeadTitle(OpdTemplates.Template t) => t.Kind switch
        {
            OpdKind.Inspektorat => "Inspektur",
            OpdKind.Rsud => "Direktur " + t.Name,
            OpdKind.Satpol => "Kepala Satuan Polisi Pamong Praja",
            OpdKind.Sekretariat => t.Name.StartsWith("Bagian", StringComparison.Ordinal) ? "Kepala " + t.Name : "Sekretaris DPRD",
            _ => "Kepala " + t.Name,
        };

        private ServiceUnit AddUnit(string localCode, string name, ServiceUnitKind kind, Opd opd, Region region)
        {
            var unit = new ServiceUnit
            {
                Code = $"{regencyRow.Code}-{localCode}",
                Name = name,
                Kind = kind,
                Opd = opd,
                Region = region,
                Address = $"{region.KindLabel} {region.Name}",
            };
            Units.Add(unit);
            return unit;
        }

        private Position AddPosition(string title, Opd opd, Position? superior, string? grade, bool isHead = false, bool elected = false, ServiceUnit? unit = null)
        {
            var position = new Position { Title = title, Opd = opd, Superior = superior, Grade = grade, IsHead = isHead, ServiceUnit = unit };
            Positions.Add(position);
            Officials.Add(NewOfficial(position, elected, title));
            return position;
        }

        private Official NewOfficial(Position position, bool elected, string title)
        {
            var female = random.NextDouble() < 0.35;
            var given = Pick(female ? DemoNames.FemaleGiven : DemoNames.MaleGiven);
            var family = Pick(DemoNames.Family);
            var degree = title.Contains("Puskesmas", StringComparison.Ordinal) || title.StartsWith("Direktur Rumah Sakit", StringComparison.Ordinal) ? "dr." : Pick(DemoNames.Degrees);
            var name = degree == "dr." ? $"dr. {given} {family}" : $"{given} {family}, {degree}";
            var birth = new DateOnly(1966, 1, 1).AddDays(random.Next(0, 365 * 24));
            string? nip = null;
            if (!elected)
            {
                var appointed = birth.AddYears(23 + random.Next(0, 6)).AddMonths(random.Next(0, 12));
                var sequence = random.Next(1, 1000);
                do
                {
                    nip = string.Create(CultureInfo.InvariantCulture, $"{birth:yyyyMMdd}{appointed:yyyyMM}{(female ? 2 : 1)}{sequence:000}");
                    sequence = sequence % 999 + 1;
                }
                while (!nips.Add(nip));
            }

            return new Official
            {
                Name = name,
                Nip = nip,
                Position = position,
                ActiveFrom = new DateOnly(2021 + random.Next(0, 4), 1 + random.Next(0, 12), 1),
            };
        }

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];
    }
}
