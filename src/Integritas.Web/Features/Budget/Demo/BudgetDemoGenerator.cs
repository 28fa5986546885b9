using System.Globalization;
using Integritas.Core.Budget;
using Integritas.Core.Procurement;
using Integritas.Data.Organisation;
using static Integritas.Web.Features.Budget.Demo.BudgetDemoCatalogue;

namespace Integritas.Web.Features.Budget.Demo;

/// <summary>
/// Realistic, deterministic demo budget data for a Langkat-like regency (issue 6 item 9): the year's APBD murni and
/// perubahan (about Rp2 triliun), tens of thousands of SP2D payments with line items for goods, the reference prices,
/// and the village funds of every desa with their spending, in the CSV import formats. Absorption ends the year at
/// about 60–85 % with month-end and December peaks. Irregularities are planted for the early-warning system and
/// listed in <see cref="BudgetDemoFiles.Irregularities"/>: a split purchase under the pengadaan langsung ceiling, a
/// marked-up cement price, a payment over its budget line, a vendor paid by many OPDs, weekend and holiday payments,
/// and round amounts. Pure: the same input gives the same bytes.
/// Dana Desa goes from the national treasury straight to the village accounts, so only ADD and bagi hasil pajak are
/// also APBD payments (BPKAD, belanja transfer 5.4); village_transfers.csv holds all three sources.
/// </summary>
public static class BudgetDemoGenerator
{
    public const string Disdik = "1.01.0.00.0.00.01.0000";
    public const string DinasPupr = "1.03.0.00.0.00.01.0000";
    public const string Setwan = "4.02.0.00.0.00.01.0000";
    public const string Bpkad = "5.02.0.00.0.00.01.0000";
    public const string HubVendorName = "CV Berkah Mandiri Stabat";

    /// <summary>About what the year's APBD totals for the 39 OPDs of the demo regency.</summary>
    public const decimal TargetApbd = 2_000_000_000_000m;

    public static BudgetDemoFiles Generate(BudgetDemoInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Opds.Count == 0)
        {
            throw new ArgumentException("The demo budget needs at least one OPD.", nameof(input));
        }

        return new Builder(input).Build();
    }

    /// <summary>Fixed-date national holidays (every year): Tahun Baru, Hari Buruh, Hari Lahir Pancasila, HUT RI, Natal.</summary>
    public static bool IsHoliday(DateOnly date) =>
        (date.Month, date.Day) is (1, 1) or (5, 1) or (6, 1) or (8, 17) or (12, 25);

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    private static readonly string[] MonthNames =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V"];

    private static readonly int[] MonthWeights = [2, 5, 7, 7, 8, 9, 8, 8, 9, 10, 11, 16];

    private static readonly string[] Words =
    [
        "Sinar", "Maju", "Jaya", "Karya", "Mandiri", "Bersama", "Langkat", "Sejahtera", "Abadi", "Utama", "Prima", "Mitra",
        "Wampu", "Sentosa", "Makmur", "Cahaya", "Harapan", "Baru", "Bintang", "Persada", "Nusantara", "Gemilang", "Sumatera",
        "Brandan", "Tanjung", "Deli", "Amanah", "Rezeki", "Putra", "Indah", "Lestari", "Sakti", "Teratai", "Pelita", "Selesai",
    ];

    private static readonly string[] Destinations = ["Medan", "Jakarta", "Binjai", "Pematangsiantar", "Banda Aceh", "Batam", "Bandung", "Yogyakarta"];

    private sealed record SubInfo(string Code, string Name, string KegiatanName, string ProgramName, bool Support);

    private sealed class Line(DemoOpd opd, int opdIndex, SubInfo sub, DemoAccount account)
    {
        public DemoOpd Opd { get; } = opd;
        public int OpdIndex { get; } = opdIndex;
        public SubInfo Sub { get; } = sub;
        public DemoAccount Account { get; } = account;
        public decimal Murni { get; set; }
        public decimal Pagu { get; set; }
        public bool Added { get; set; }
        public decimal Reserved { get; set; }
        public bool Special { get; set; }

        /// <summary>Made for a procured contract alone: only the contract's payments are paid from it.</summary>
        public bool ContractOnly { get; set; }
        public int Order { get; set; }
    }

    private sealed record Vendor(string Id, string Name);

    private sealed record ItemLine(DemoItem Item, decimal Quantity, decimal UnitPrice);

    private sealed class Draft
    {
        public string Id { get; set; } = "";
        public DateOnly Date { get; set; }
        public required Line Line { get; init; }
        public Vendor? Vendor { get; set; }
        public required string Description { get; init; }
        public decimal Amount { get; set; }
        public List<ItemLine> Items { get; init; } = [];
        public int Seq { get; init; }
        public bool Planted { get; set; }
        public string PackageCode { get; init; } = "";
    }

    private sealed class Builder(BudgetDemoInput input)
    {
        private readonly Random random = new(input.Seed);
        private readonly int year = input.Year;
        private readonly List<Line> lines = [];
        private readonly Dictionary<(string Opd, string Sub, string Account), Line> lineIndex = [];
        private readonly Dictionary<string, List<SubInfo>> subsByOpd = new(StringComparer.Ordinal);
        private readonly List<Draft> drafts = [];
        private readonly Dictionary<string, List<Vendor>> pools = new(StringComparer.Ordinal);
        private readonly HashSet<string> vendorNames = new(StringComparer.Ordinal);
        private readonly List<DemoVillageTransfer> transfers = [];
        private readonly List<DemoVillageSpending> spending = [];
        private readonly List<(DemoIrregularityKind Kind, string Description, List<Draft> Drafts, DemoIrregularity Facts)> planted = [];
        private int vendorCount;
        private Line? overLine;

        public BudgetDemoFiles Build()
        {
            var villageRows = Villages();
            BuildLines();
            Perubahan();
            var transferLines = TransferLines(villageRows);
            var plan = Plant();
            Normal(transferLines, villageRows);
            Contracts();
            plan.OverLine();
            HubVendor();
            WeekendPayments();
            return Finish();
        }

        // ---------- budget lines ----------

        private List<SubInfo> SubsFor(DemoOpd opd)
        {
            var ub = UrusanBidang(opd.Code);
            var subs = SupportSubKegiatan
                .Select(s => new SubInfo(ub + s.Suffix, s.Name, SupportKegiatanNames[s.Suffix[4..8]], SupportProgramName, true))
                .ToList();
            var given = input.SubKegiatan?.GetValueOrDefault(opd.Code) ?? [];
            foreach (var g in given)
            {
                if (!BudgetCodes.IsSubKegiatan(g.Code))
                {
                    throw new ArgumentException($"Sub kegiatan code {g.Code} of OPD {opd.Code} is not a Permendagri 90/2019 code.", nameof(input));
                }
            }

            // Given supporting-affairs sub kegiatan replace the built-in names; given program ones replace the fallback.
            foreach (var g in given.Where(g => IsSupport(g.Code)))
            {
                var at = subs.FindIndex(s => s.Code == g.Code);
                var kegiatan = g.KegiatanName ?? SupportKegiatanNames.GetValueOrDefault(g.Code[(g.Code.Length - 9)..^5], "Administrasi Umum Perangkat Daerah");
                var info = new SubInfo(g.Code, g.Name, kegiatan, g.ProgramName ?? SupportProgramName, true);
                if (at >= 0)
                {
                    subs[at] = info;
                }
                else
                {
                    subs.Add(info);
                }
            }

            var fallbackNames = ProgramSubsByOpd.Values.SelectMany(v => v).DistinctBy(p => p.Code).ToDictionary(p => p.Code, StringComparer.Ordinal);
            var program = given.Where(g => !IsSupport(g.Code)).Select(g =>
            {
                var known = fallbackNames.GetValueOrDefault(g.Code);
                return new SubInfo(g.Code, g.Name, g.KegiatanName ?? known?.KegiatanName ?? $"Pelaksanaan Urusan {opd.Name}",
                    g.ProgramName ?? known?.ProgramName ?? $"Program Urusan {opd.Name}", false);
            }).ToList();
            if (program.Count == 0)
            {
                program = ProgramSubsByOpd.TryGetValue(opd.Code, out var fallback)
                    ? [.. fallback.Select(p => new SubInfo(p.Code, p.Name, p.KegiatanName, p.ProgramName, false))]
                    :
                    [
                        new SubInfo($"{ub}.02.2.01.0001", $"Penyelenggaraan Layanan Utama {opd.ShortName}", $"Pelaksanaan Urusan {opd.Name}", $"Program Urusan {opd.Name}", false),
                        new SubInfo($"{ub}.02.2.01.0002", $"Pembinaan dan Pengawasan Layanan {opd.ShortName}", $"Pelaksanaan Urusan {opd.Name}", $"Program Urusan {opd.Name}", false),
                    ];
            }

            subs.AddRange(program.DistinctBy(p => p.Code).Where(p => subs.All(s => s.Code != p.Code)));
            return subs;
        }

        private static string UrusanBidang(string opdCode) => opdCode[..4];

        private static bool IsSupport(string subCode) => BudgetCodes.ProgramOf(subCode).EndsWith(".01", StringComparison.Ordinal);

        private static double OpdWeight(DemoOpd opd) => opd.Code switch
        {
            Disdik => 30,
            "1.02.0.00.0.00.01.0000" => 9,
            DinasPupr => 12,
            "1.04.2.10.0.00.01.0000" => 2.5,
            "4.01.0.00.0.00.01.0000" => 3.5,
            Setwan => 3,
            Bpkad => 2.5,
            "3.27.0.00.0.00.01.0000" => 2,
            _ => opd.Kind switch
            {
                OpdKind.Rsud => 4.5,
                OpdKind.Badan => 1.2,
                OpdKind.Sekretariat => 1.3,
                OpdKind.Inspektorat => 0.8,
                _ => 1.0,
            },
        };

        private static double PayrollShare(DemoOpd opd) => opd.Code switch
        {
            Disdik => 0.72,
            "1.02.0.00.0.00.01.0000" => 0.45,
            DinasPupr => 0.1,
            Setwan => 0.2,
            _ => opd.Kind == OpdKind.Rsud ? 0.4 : 0.42,
        };

        private static readonly (string Account, double Share)[] PayrollAccounts =
        [
            ("5.1.01.01.01.0001", 0.5), ("5.1.01.01.02.0001", 0.05), ("5.1.01.01.03.0001", 0.04),
            ("5.1.01.01.05.0001", 0.06), ("5.1.01.01.07.0001", 0.03), ("5.1.01.02.01.0001", 0.32),
        ];

        private static readonly Dictionary<string, double> SupportWeights = new(StringComparer.Ordinal)
        {
            ["2.01.0001"] = 0.08,
            ["2.01.0007"] = 0.04,
            ["2.06.0001"] = 0.03,
            ["2.06.0004"] = 0.1,
            ["2.06.0005"] = 0.06,
            ["2.06.0009"] = 0.2,
            ["2.07.0005"] = 0.05,
            ["2.07.0006"] = 0.08,
            ["2.08.0002"] = 0.1,
            ["2.08.0004"] = 0.1,
            ["2.09.0002"] = 0.08,
            ["2.09.0009"] = 0.05,
        };

        private static (string Account, double Weight)[] AccountsFor(SubInfo sub)
        {
            if (sub.Support)
            {
                return sub.Code[^9..] switch
                {
                    "2.06.0001" => [("5.1.02.01.01.0031", 1)],
                    "2.06.0004" => [(AccountAtk, 3), ("5.1.02.01.01.0025", 2), ("5.1.02.01.01.0029", 2), ("5.1.02.01.01.0004", 2)],
                    "2.06.0005" => [("5.1.02.01.01.0026", 1)],
                    "2.06.0009" => [("5.1.02.01.01.0052", 2), (AccountPerjalananDinas, 5), ("5.1.02.04.01.0003", 1)],
                    "2.07.0005" => [(AccountMebel, 1)],
                    "2.07.0006" => [("5.2.02.05.01.0005", 1), ("5.2.02.10.01.0002", 1)],
                    "2.08.0002" => [("5.1.02.02.01.0059", 1), ("5.1.02.02.01.0060", 1), ("5.1.02.02.01.0061", 3), ("5.1.02.02.01.0063", 1.5)],
                    "2.08.0004" => [("5.1.02.02.01.0014", 2), ("5.1.02.02.01.0016", 2), ("5.1.02.02.01.0026", 3)],
                    "2.09.0002" => [("5.1.02.03.02.0035", 2), ("5.1.02.01.01.0004", 1)],
                    "2.09.0009" => [("5.1.02.03.03.0001", 1)],
                    _ => [(AccountAtk, 2), ("5.1.02.01.01.0052", 3), ("5.1.02.01.01.0026", 2), ("5.1.02.02.01.0003", 2), (AccountPerjalananDinas, 3)],
                };
            }

            var name = sub.Name.ToLowerInvariant();
            bool Has(string word) => name.Contains(word, StringComparison.Ordinal);
            if (Has("jalan"))
            {
                return Has("pemeliharaan")
                    ? [("5.1.02.03.04.0036", 3), (AccountBahanBangunan, 2)]
                    : [("5.2.04.01.01.0003", 6), ("5.1.02.02.02.0005", 0.5), (AccountBahanBangunan, 0.8)];
            }

            if (Has("jembatan"))
            {
                return [("5.2.04.01.02.0003", 6), ("5.1.02.02.02.0005", 0.5)];
            }

            if (Has("drainase"))
            {
                return [("5.2.04.02.01.0012", 5), ("5.1.02.02.02.0005", 0.5), (AccountBahanBangunan, 0.5)];
            }

            if (Has("rumah") || Has("prasarana"))
            {
                return [(AccountBahanBangunan, 4), (AccountAtk, 0.2), ("5.1.02.01.01.0052", 0.3), (AccountPerjalananDinas, 0.3)];
            }

            if (Has("puskesmas"))
            {
                return [("5.2.03.01.01.0008", 5), ("5.2.02.07.01.0001", 1.5), ("5.1.02.02.02.0005", 0.3)];
            }

            if (Has("obat"))
            {
                return [("5.1.02.01.01.0037", 4), ("5.1.02.01.01.0038", 3)];
            }

            if (Has("ruang kelas"))
            {
                return [("5.2.03.01.01.0005", 5), (AccountMebel, 1), ("5.1.02.02.02.0005", 0.3)];
            }

            if (Has("perlengkapan sekolah"))
            {
                return [(AccountMebel, 3), ("5.2.02.10.01.0002", 2), (AccountAtk, 0.5)];
            }

            if (Has("kesehatan") || Has("gizi") || Has("stunting") || Has("balita"))
            {
                return [("5.1.02.01.01.0038", 1), ("5.1.02.01.01.0037", 1), ("5.1.02.01.01.0052", 2), ("5.1.02.02.01.0003", 1),
                    ("5.1.02.02.01.0013", 1), ("5.2.02.07.01.0001", 1), ("5.1.02.04.01.0003", 1)];
            }

            return [(AccountAtk, 1), ("5.1.02.01.01.0052", 2), ("5.1.02.01.01.0026", 1), ("5.1.02.02.01.0003", 1.5),
                (AccountPerjalananDinas, 2.5), ("5.1.02.02.01.0026", 1), ("5.1.02.01.01.0004", 0.8)];
        }

        private Line AddLine(DemoOpd opd, int opdIndex, SubInfo sub, string accountCode, decimal pagu, bool added = false)
        {
            var key = (opd.Code, sub.Code, accountCode);
            if (lineIndex.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var line = new Line(opd, opdIndex, sub, AccountByCode[accountCode])
            {
                Murni = added ? 0 : pagu,
                Pagu = pagu,
                Added = added,
                Order = lines.Count,
            };
            lines.Add(line);
            lineIndex[key] = line;
            return line;
        }

        private void BuildLines()
        {
            var unit = (double)TargetApbd * 0.92 / 107.0;
            for (var o = 0; o < input.Opds.Count; o++)
            {
                var opd = input.Opds[o];
                var subs = SubsFor(opd);
                subsByOpd[opd.Code] = subs;
                var budget = OpdWeight(opd) * unit * Uniform(0.92, 1.08);
                var payroll = budget * PayrollShare(opd);
                var payrollSub = subs.First(s => s.Code.EndsWith(".01.2.02.0001", StringComparison.Ordinal));
                foreach (var (account, share) in PayrollAccounts)
                {
                    AddLine(opd, o, payrollSub, account, Thousands(payroll * share * Uniform(0.95, 1.05)));
                }

                var rest = budget - payroll;
                var supportShare = opd.Code switch { DinasPupr => 0.06, Disdik => 0.25, _ => 0.35 };
                var support = subs.Where(s => s.Support && s != payrollSub).ToList();
                var program = subs.Where(s => !s.Support).ToList();
                var supportWeights = support.Select(s => SupportWeights.GetValueOrDefault(s.Code[^9..], 0.05) * Uniform(0.7, 1.3)).ToList();
                var programWeights = program.Select(_ => Uniform(0.6, 1.4)).ToList();
                for (var i = 0; i < support.Count; i++)
                {
                    SubLines(opd, o, support[i], rest * supportShare * supportWeights[i] / supportWeights.Sum());
                }

                for (var i = 0; i < program.Count; i++)
                {
                    SubLines(opd, o, program[i], rest * (1 - supportShare) * programWeights[i] / programWeights.Sum());
                }
            }
        }

        private void SubLines(DemoOpd opd, int opdIndex, SubInfo sub, double budget)
        {
            var accounts = AccountsFor(sub);
            var weights = accounts.Select(a => a.Weight * Uniform(0.7, 1.3)).ToList();
            for (var i = 0; i < accounts.Length; i++)
            {
                AddLine(opd, opdIndex, sub, accounts[i].Account, Math.Max(10_000_000m, Thousands(budget * weights[i] / weights.Sum())));
            }
        }

        /// <summary>The APBD perubahan: some pagu shift, salaries rise a little, a few lines are added.</summary>
        private void Perubahan()
        {
            foreach (var line in lines.ToList())
            {
                if (line.Account.Kind == DemoAccountKind.Payroll)
                {
                    if (random.NextDouble() < 0.25)
                    {
                        line.Pagu = Thousands((double)line.Murni * Uniform(1.01, 1.04));
                    }
                }
                else if (random.NextDouble() < 0.12)
                {
                    line.Pagu = Math.Max(10_000_000m, Thousands((double)line.Murni * Uniform(0.75, 1.25)));
                }
            }

            string[] extra = ["5.1.02.02.01.0003", "5.1.02.01.01.0052", AccountAtk, AccountPerjalananDinas, "5.1.02.02.01.0026", "5.1.02.02.01.0014", "5.1.02.01.01.0026"];
            var added = Math.Max(3, input.Opds.Count / 5);
            for (var attempt = 0; added > 0 && attempt < 200; attempt++)
            {
                var o = random.Next(input.Opds.Count);
                var opd = input.Opds[o];
                var program = subsByOpd[opd.Code].Where(s => !s.Support).ToList();
                var sub = program[random.Next(program.Count)];
                var account = extra[random.Next(extra.Length)];
                if (lineIndex.ContainsKey((opd.Code, sub.Code, account)))
                {
                    continue;
                }

                AddLine(opd, o, sub, account, Thousands(Uniform(50e6, 400e6)), added: true);
                added--;
            }
        }

        // ---------- village funds ----------

        private sealed record VillageRow(DemoDesa Desa, string Source, int Stage, DateOnly Date, decimal Amount);

        private List<VillageRow> Villages()
        {
            var rows = new List<VillageRow>();
            foreach (var desa in input.Desa.Where(d => d.IsDesa).OrderBy(d => d.Code, StringComparer.Ordinal))
            {
                var fundRows = new List<VillageRow>();
                void Fund(string source, decimal total, double[] shares, (int Month, int Day, int Span)[] windows)
                {
                    var given = 0m;
                    for (var s = 0; s < shares.Length; s++)
                    {
                        var amount = s == shares.Length - 1 ? total - given : Thousands((double)total * shares[s]);
                        given += amount;
                        var start = new DateOnly(year, windows[s].Month, windows[s].Day);
                        var date = WorkingDayOnOrBefore(start.AddDays(random.Next(windows[s].Span)));
                        fundRows.Add(new VillageRow(desa, source, s + 1, date, amount));
                    }
                }

                Fund("DD", Thousands(Uniform(700e6, 1_200e6)), [0.4, 0.4, 0.2], [(3, 10, 50), (6, 2, 58), (10, 1, 58)]);
                Fund("ADD", Thousands(Uniform(250e6, 450e6)), [0.25, 0.25, 0.25, 0.25], [(1, 20, 38), (4, 15, 45), (7, 15, 45), (10, 15, 45)]);
                Fund("BHP", Thousands(Uniform(25e6, 70e6)), [0.5, 0.5], [(7, 1, 30), (12, 1, 14)]);
                rows.AddRange(fundRows);
                foreach (var source in fundRows.GroupBy(r => r.Source))
                {
                    var stages = source.OrderBy(r => r.Stage).ToList();
                    for (var s = 0; s < stages.Count; s++)
                    {
                        var from = stages[s].Date.AddDays(7);
                        var to = s + 1 < stages.Count ? stages[s + 1].Date.AddDays(-1) : new DateOnly(year, 12, 30);
                        if (to < from)
                        {
                            to = from;
                        }

                        if (from.Year != year)
                        {
                            from = to = new DateOnly(year, 12, 31);
                        }

                        var last = source.Key == "DD" && s == stages.Count - 1;
                        var budget = Floor(stages[s].Amount * (decimal)(last ? Uniform(0.6, 0.95) : Uniform(0.85, 1.0)), 1000);
                        Spend(desa, source.Key, s, budget, from, to);
                    }
                }
            }

            transfers.AddRange(rows.Select(r => new DemoVillageTransfer(r.Desa.Code, r.Source, r.Stage, r.Date, r.Amount)));
            return rows;
        }

        private void Spend(DemoDesa desa, string source, int stageIndex, decimal budget, DateOnly from, DateOnly to)
        {
            var activities = new List<DemoVillageActivity>();
            if (source == "DD")
            {
                var kpm = random.Next(10, 31);
                var blt = Math.Min(kpm * 900_000m, Floor(budget / 4, 1000));
                spending.Add(new DemoVillageSpending(desa.Code, BltDanaDesa.Code, BltDanaDesa.Name, source, RandomDay(from, to), blt));
                budget -= blt;
                activities.AddRange(Pick(DanaDesaActivities.Where(a => stageIndex == 0 || a.Code != "1.3.01").ToList(), random.Next(2, 5)));
            }
            else if (source == "ADD")
            {
                activities.AddRange(AddActivities.Take(2));
                activities.AddRange(Pick(AddActivities.Skip(2).ToList(), random.Next(1, 3)));
            }
            else
            {
                activities.AddRange(Pick(BagiHasilActivities.ToList(), random.Next(1, 3)));
            }

            var parts = Split(budget, activities.Count, 1000);
            for (var i = 0; i < activities.Count; i++)
            {
                if (parts[i] > 0)
                {
                    spending.Add(new DemoVillageSpending(desa.Code, activities[i].Code, activities[i].Name, source, RandomDay(from, to), parts[i]));
                }
            }
        }

        private Dictionary<string, Line> TransferLines(List<VillageRow> villages)
        {
            var result = new Dictionary<string, Line>(StringComparer.Ordinal);
            if (villages.Count == 0)
            {
                return result;
            }

            var o = input.Opds.ToList().FindIndex(x => x.Code == Bpkad);
            if (o < 0)
            {
                o = 0;
            }

            var opd = input.Opds[o];
            var ub = UrusanBidang(opd.Code);
            var sub = new SubInfo($"{ub}.02.2.04.0001", "Penyaluran Alokasi Dana Desa dan Bagi Hasil Pajak Daerah kepada Pemerintah Desa",
                "Pengelolaan Belanja Transfer kepada Pemerintah Desa", "Program Pengelolaan Keuangan Daerah", false);
            foreach (var (source, account) in new[] { ("ADD", AccountAdd), ("BHP", AccountBagiHasil) })
            {
                var total = villages.Where(v => v.Source == source).Sum(v => v.Amount);
                var line = AddLine(opd, o, sub, account, total);
                line.Special = true;
                result[source] = line;
            }

            return result;
        }

        // ---------- payments ----------

        private sealed class PlantPlan(Builder b, Line over)
        {
            public void OverLine()
            {
                var spent = b.drafts.Where(d => d.Line == over).Sum(d => d.Amount);
                var amount = over.Pagu - spent + Math.Round(over.Pagu * (decimal)b.Uniform(0.04, 0.08), 0);
                var date = WorkingDayOnOrBefore(new DateOnly(b.year, 12, 30));
                var draft = b.AddDraft(over, date, null, $"Pembayaran kekurangan {over.Account.Phrase} {(over.Opd.Code == Setwan ? "anggota dan pimpinan DPRD" : "pejabat dan staf")} ke {b.Pick(Destinations)} (tambahan kegiatan akhir tahun)", amount);
                draft.Planted = true;
                b.planted.Add((DemoIrregularityKind.OverBudgetLine,
                    $"Pembayaran {over.Account.Phrase} {over.Opd.ShortName} yang membuat realisasi melampaui pagu perubahan {BudgetDemoFiles.Money(over.Pagu)}",
                    [draft], new DemoIrregularity(DemoIrregularityKind.OverBudgetLine, "", [], over.Opd.Code, SubKegiatanCode: over.Sub.Code, AccountCode: over.Account.Code)));
            }
        }

        private PlantPlan Plant()
        {
            // Split purchase: Disdik (or the biggest OPD) buys school furniture from one vendor in four payments within a week.
            var s = IndexOf(Disdik) ?? LargestOpd(exclude: null);
            var splitOpd = input.Opds[s];
            var splitSub = subsByOpd[splitOpd.Code].First(x => !x.Support);
            var splitLine = AddLine(splitOpd, s, splitSub, AccountMebel, 0);
            splitLine.Special = true;
            var splitVendor = NewVendor("CV Meubel Sinar Stabat");
            var mejaKursi = Items.Single(i => i.Code == ItemMejaKursiSiswa);
            var day = WorkingDayOnOrBefore(new DateOnly(year, 8, 4 + random.Next(10)));
            var split = new List<Draft>();
            string[] schools = ["SD Negeri 050660", "SD Negeri 056012", "SD Negeri 050781", "SD Negeri 057223"];
            for (var i = 0; i < 4; i++)
            {
                var price = mejaKursi.Price;
                var quantity = Math.Floor((199_500_000m - random.Next(0, 9_000_000)) / price);
                var draft = AddDraft(splitLine, day, splitVendor, $"Pengadaan meja dan kursi siswa {schools[i]} (paket {i + 1})", quantity * price,
                    [new ItemLine(mejaKursi, quantity, price)]);
                draft.Planted = true;
                split.Add(draft);
                day = NextWorkingDay(day);
            }

            Reserve(splitLine, split.Sum(d => d.Amount), 0.75);
            planted.Add((DemoIrregularityKind.SplitPurchase,
                $"Pemecahan paket: {split.Count} pembayaran {splitOpd.ShortName} kepada {splitVendor.Name} untuk {AccountByCode[AccountMebel].Phrase} dalam satu minggu, masing-masing di bawah Rp200 juta",
                split, new DemoIrregularity(DemoIrregularityKind.SplitPurchase, "", [], splitOpd.Code, splitVendor.Id, splitSub.Code, AccountMebel)));

            // Marked-up cement: Dinas PUPR (or another OPD) pays ~40 % above the SSH for semen.
            var c = IndexOf(DinasPupr) ?? IndexOf("1.04.2.10.0.00.01.0000") ?? LargestOpd(exclude: s);
            var cementOpd = input.Opds[c];
            var cementSub = subsByOpd[cementOpd.Code].Where(x => !x.Support).FirstOrDefault(x => lineIndex.ContainsKey((cementOpd.Code, x.Code, AccountBahanBangunan)))
                ?? subsByOpd[cementOpd.Code].First(x => !x.Support);
            var cementLine = AddLine(cementOpd, c, cementSub, AccountBahanBangunan, 0);
            var cementDate = WorkingDayOnOrBefore(new DateOnly(year, 10, 6 + random.Next(15)));
            var semen = Items.Single(i => i.Code == ItemSemen);
            var reference = ReferenceAt(semen, cementDate);
            var marked = Math.Round(reference * 1.4m / 100, 0) * 100;
            var pasir = Items.Single(i => i.Code == "1.1.7.01.03.01.004");
            var besi = Items.Single(i => i.Code == "1.1.7.01.03.01.002");
            List<ItemLine> cementItems =
            [
                new(semen, 450, marked),
                new(pasir, 60, ReferenceAt(pasir, cementDate)),
                new(besi, 300, ReferenceAt(besi, cementDate)),
            ];
            var cementVendor = VendorFor("bangunan", c);
            var cementDraft = AddDraft(cementLine, cementDate, cementVendor, $"Pembelian semen, pasir dan besi beton untuk {cementSub.Name}",
                cementItems.Sum(i => i.Quantity * i.UnitPrice), cementItems);
            cementDraft.Planted = true;
            Reserve(cementLine, cementDraft.Amount, 0.6);
            planted.Add((DemoIrregularityKind.MarkedUpPrice,
                $"Harga semen {BudgetDemoFiles.Money(marked)} per zak, sekitar 40 % di atas SSH {BudgetDemoFiles.Money(reference)}",
                [cementDraft], new DemoIrregularity(DemoIrregularityKind.MarkedUpPrice, "", [], cementOpd.Code, cementVendor.Id, cementSub.Code, AccountBahanBangunan,
                    ItemSemen, reference, marked)));

            // Round amounts on service lines of different OPDs.
            var serviceLines = lines.Where(l => l.Account.Kind == DemoAccountKind.Service && !l.Added && !l.Special)
                .OrderByDescending(l => l.Pagu).ThenBy(l => l.Order).DistinctBy(l => l.Opd.Code).Take(5).ToList();
            decimal[] roundAmounts = [150_000_000m, 100_000_000m, 75_000_000m, 50_000_000m, 25_000_000m];
            for (var i = 0; i < serviceLines.Count; i++)
            {
                var line = serviceLines[i];
                var amount = roundAmounts.Skip(i).FirstOrDefault(a => a <= line.Pagu * 0.3m, 25_000_000m);
                var date = RandomWorkingDay(4 + random.Next(8));
                var draft = AddDraft(line, date, VendorFor(line.Account.VendorPool, line.OpdIndex), $"Pembayaran {line.Account.Phrase} {line.Sub.Name}", amount);
                draft.Planted = true;
                Reserve(line, amount, 0.6);
                planted.Add((DemoIrregularityKind.RoundAmount, $"Pembayaran {line.Account.Phrase} {line.Opd.ShortName} dengan nilai bulat {BudgetDemoFiles.Money(amount)}",
                    [draft], new DemoIrregularity(DemoIrregularityKind.RoundAmount, "", [], line.Opd.Code, draft.Vendor?.Id, line.Sub.Code, line.Account.Code)));
            }

            // The line a December payment takes over its pagu: DPRD travel.
            var w = IndexOf(Setwan) ?? 0;
            var overOpd = input.Opds[w];
            var over = lineIndex[(overOpd.Code, subsByOpd[overOpd.Code].First(x => x.Code.EndsWith(".01.2.06.0009", StringComparison.Ordinal)).Code, AccountPerjalananDinas)];
            over.Special = true;
            overLine = over;
            return new PlantPlan(this, over);
        }

        private void Reserve(Line line, decimal amount, double maxShare)
        {
            line.Reserved += amount;
            var needed = Math.Ceiling(line.Reserved / (decimal)maxShare / 1_000_000m) * 1_000_000m;
            if (line.Pagu < needed)
            {
                line.Pagu = needed;
                if (!line.Added)
                {
                    line.Murni = Math.Max(line.Murni, needed);
                }
            }
        }

        private int? IndexOf(string code)
        {
            var i = input.Opds.ToList().FindIndex(o => o.Code == code);
            return i < 0 ? null : i;
        }

        private int LargestOpd(int? exclude)
        {
            var best = lines.Where(l => l.Account.Kind != DemoAccountKind.Payroll && l.OpdIndex != exclude)
                .GroupBy(l => l.OpdIndex).OrderByDescending(g => g.Sum(l => l.Pagu)).ThenBy(g => g.Key).FirstOrDefault();
            return best?.Key ?? 0;
        }

        private void Normal(Dictionary<string, Line> transferLines, List<VillageRow> villages)
        {
            // Salaries: twelve months, the THR and the thirteenth salary, early in the month.
            var payrollLines = lines.Where(l => l.Account.Kind == DemoAccountKind.Payroll).ToList();
            foreach (var line in payrollLines)
            {
                var rate = Uniform(0.92, 0.97);
                for (var m = 1; m <= 14; m++)
                {
                    var (month, what) = m switch
                    {
                        13 => (3, $"{line.Account.Phrase} Tunjangan Hari Raya (THR) Tahun {year}"),
                        14 => (6, $"{line.Account.Phrase} gaji ketiga belas Tahun {year}"),
                        _ => (m, $"{line.Account.Phrase} bulan {MonthNames[m - 1]} {year}"),
                    };
                    var date = NextWorkingDayFrom(new DateOnly(year, month, m > 12 ? 12 + random.Next(6) : 1 + random.Next(4)));
                    var amount = Math.Round(line.Pagu * (decimal)(rate / 14 * Uniform(0.995, 1.005)), 0);
                    AddDraft(line, date, null, $"Pembayaran {what} - {line.Opd.ShortName}", amount);
                }
            }

            // Village transfers paid by the BPKAD, one SP2D per desa and stage.
            foreach (var v in villages.Where(v => transferLines.ContainsKey(v.Source)))
            {
                var what = v.Source == "ADD" ? "Alokasi Dana Desa (ADD)" : "Bagi Hasil Pajak dan Retribusi Daerah";
                AddDraft(transferLines[v.Source], v.Date, null,
                    $"Penyaluran {what} Tahap {Roman[v.Stage - 1]} Tahun {year} Desa {v.Desa.Name} Kecamatan {v.Desa.KecamatanName}", v.Amount);
            }

            var opdRate = input.Opds.Select(_ => Uniform(0.5, 0.85)).ToList();
            var others = lines.Where(l => l.Account.Kind is not (DemoAccountKind.Payroll or DemoAccountKind.Transfer) && !l.ContractOnly).OrderBy(l => l.Order).ToList();
            var flexible = others.Where(l => l.Account.Kind is not (DemoAccountKind.Utility or DemoAccountKind.Construction)).ToList();
            var fixedCount = drafts.Count + others.Count(l => l.Account.Kind == DemoAccountKind.Utility) * 12 + others.Count(l => l.Account.Kind == DemoAccountKind.Construction) * 3 + 2;
            var target = Math.Max(flexible.Count, input.PaymentCount - fixedCount);
            var sqrtSum = flexible.Sum(l => Math.Sqrt((double)l.Pagu));
            foreach (var line in others)
            {
                var rate = line == overLine
                    ? 0.9
                    : line.Added ? Uniform(0.5, 0.9) : Math.Clamp(opdRate[line.OpdIndex] * Uniform(0.85, 1.1), 0.3, 0.97);
                var spend = Math.Max(0, Math.Round(line.Pagu * (decimal)rate, 0) - line.Reserved);
                if (spend <= 0)
                {
                    continue;
                }

                var firstMonth = line.Added ? 10 : 1;
                switch (line.Account.Kind)
                {
                    case DemoAccountKind.Utility:
                        {
                            var parts = Split(spend, 12, 1);
                            for (var m = 1; m <= 12; m++)
                            {
                                var billed = m == 1 ? $"Desember {year - 1}" : $"{MonthNames[m - 2]} {year}";
                                var date = WorkingDayOnOrBefore(new DateOnly(year, m, 10 + random.Next(10)));
                                AddDraft(line, date, VendorFor(line.Account.VendorPool, line.OpdIndex), $"Pembayaran {line.Account.Phrase} kantor {line.Opd.ShortName} bulan {billed}", parts[m - 1]);
                            }

                            break;
                        }

                    case DemoAccountKind.Construction:
                        Construction(line, spend, opdRate[line.OpdIndex]);
                        break;
                    default:
                        {
                            var count = Math.Max(1, (int)Math.Round(target * Math.Sqrt((double)line.Pagu) / sqrtSum));
                            if (line.Sub.Code.EndsWith(".01.2.06.0004", StringComparison.Ordinal) && line.Account.Code == AccountAtk)
                            {
                                count = Math.Max(count, 3);
                            }

                            var parts = Split(spend, count, 1);
                            foreach (var part in parts)
                            {
                                Flexible(line, part, RandomWorkingDay(MonthFrom(firstMonth)));
                            }

                            break;
                        }
                }
            }
        }

        private void Construction(Line line, decimal spend, double opdRate)
        {
            var vendor = VendorFor(line.Account.VendorPool, line.OpdIndex);
            var work = $"{line.Sub.Name} ({line.Account.Phrase})";
            if (line.Added || spend < 200_000_000m)
            {
                AddDraft(line, RandomWorkingDay(MonthFrom(line.Added ? 11 : 8)), vendor, $"Pembayaran 100% pekerjaan {work}", spend);
                return;
            }

            var finished = opdRate >= 0.65;
            var contract = finished ? spend : Math.Round(spend / 0.6m, 0);
            var advance = Math.Round(contract * 0.3m, 0);
            var termin = Math.Round(contract * 0.3m, 0);
            AddDraft(line, RandomWorkingDay(5 + random.Next(3)), vendor, $"Pembayaran uang muka 30% pekerjaan {work}", advance);
            AddDraft(line, RandomWorkingDay(8 + random.Next(3)), vendor, $"Pembayaran termin I (60%) pekerjaan {work}", termin);
            if (finished)
            {
                AddDraft(line, RandomWorkingDay(12), vendor, $"Pembayaran termin II/pelunasan (100%) pekerjaan {work}", spend - advance - termin);
            }
        }

        private void Flexible(Line line, decimal amount, DateOnly date)
        {
            var account = line.Account;
            switch (account.Kind)
            {
                case DemoAccountKind.Goods:
                case DemoAccountKind.CapitalGoods:
                    {
                        var items = BuildItems(account.Code, amount, date);
                        if (items.Count == 0)
                        {
                            return;
                        }

                        var total = items.Sum(i => i.Quantity * i.UnitPrice);

                        // Most payments are exactly their items; some add delivery costs (ongkos kirim) on top.
                        var paid = random.NextDouble() < 0.1 ? Math.Min(amount, total + Math.Round(total * (decimal)Uniform(0.005, 0.02), 0)) : total;
                        var names = string.Join(", ", items.Take(3).Select(i => ShortItemName(i.Item)));
                        AddDraft(line, date, VendorFor(account.VendorPool, line.OpdIndex), $"Belanja {account.Phrase}: {names} - {line.Sub.Name}", paid, items);
                        break;
                    }

                case DemoAccountKind.Personal:
                    {
                        var what = account.Code == AccountPerjalananDinas
                            ? $"{account.Phrase} ke {Pick(Destinations)} dalam rangka {line.Sub.Name}"
                            : $"{account.Phrase} {line.Sub.Name}";
                        AddDraft(line, date, null, $"Pembayaran {what}", amount);
                        break;
                    }

                default:
                    AddDraft(line, date, VendorFor(account.VendorPool, line.OpdIndex), $"Pembayaran {account.Phrase} bulan {MonthNames[date.Month - 1]} - {line.Sub.Name}", amount);
                    break;
            }
        }

        private static string ShortItemName(DemoItem item)
        {
            var at = item.Name.IndexOf(" (", StringComparison.Ordinal);
            return (at > 0 ? item.Name[..at] : item.Name).ToLowerInvariant();
        }

        private List<ItemLine> BuildItems(string accountCode, decimal amount, DateOnly date, Random? stream = null)
        {
            var random = stream ?? this.random;
            var catalogue = ItemsByAccount[accountCode].Where(i => ReferenceAt(i, date) <= amount).ToList();
            var chosen = Pick(catalogue, Math.Min(catalogue.Count, 1 + random.Next(4)), random);
            var result = new List<ItemLine>();
            var weights = chosen.Select(_ => -Math.Log(1 - random.NextDouble())).ToList();
            var left = amount;
            for (var i = 0; i < chosen.Count; i++)
            {
                var item = chosen[i];
                var reference = ReferenceAt(item, date);
                var price = reference < 10_000m || random.NextDouble() < 0.35 ? reference : Math.Floor(reference * (decimal)Uniform(0.9, 1.05) / 100) * 100;
                var quantity = Math.Floor(amount * (decimal)(weights[i] / weights.Sum()) / price);
                quantity = Math.Min(Math.Max(quantity, 1), Math.Floor(left / price));
                if (quantity <= 0)
                {
                    continue;
                }

                result.Add(new ItemLine(item, quantity, price));
                left -= quantity * price;
            }

            if (result.Count > 0 && left >= result[0].UnitPrice)
            {
                var first = result[0];
                result[0] = first with { Quantity = first.Quantity + Math.Floor(left / first.UnitPrice) };
            }

            return result;
        }

        private Draft AddDraft(Line line, DateOnly date, Vendor? vendor, string description, decimal amount, List<ItemLine>? items = null, string packageCode = "")
        {
            var draft = new Draft { Line = line, Date = date, Vendor = vendor, Description = description, Amount = amount, Items = items ?? [], Seq = drafts.Count, PackageCode = packageCode };
            drafts.Add(draft);
            return draft;
        }

        private void HubVendor()
        {
            var hub = NewVendor(HubVendorName);
            var hubDrafts = new List<Draft>();
            foreach (var group in drafts.Where(d => !d.Planted && d.Line.Account.Code == AccountAtk).GroupBy(d => d.Line.OpdIndex).OrderBy(g => g.Key))
            {
                var own = group.ToList();
                var take = Math.Min(own.Count, 1 + random.Next(3));
                foreach (var draft in Pick(own, take))
                {
                    draft.Vendor = hub;
                    draft.Planted = true;
                    hubDrafts.Add(draft);
                }
            }

            var opds = hubDrafts.Select(d => d.Line.Opd.Code).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();
            planted.Add((DemoIrregularityKind.VendorManyOpds, $"{hub.Name} menerima pembayaran alat tulis kantor dari {opds.Count} OPD",
                hubDrafts, new DemoIrregularity(DemoIrregularityKind.VendorManyOpds, "", [], VendorId: hub.Id, AccountCode: AccountAtk, OpdCodes: opds)));
        }

        private void WeekendPayments()
        {
            var candidates = drafts.Where(d => !d.Planted && d.Vendor is not null && d.Line.Account.Kind is DemoAccountKind.Goods or DemoAccountKind.Service)
                .ToList();
            if (candidates.Count == 0)
            {
                return;
            }

            var chosen = Pick(candidates, Math.Min(6, candidates.Count));
            for (var i = 0; i < chosen.Count; i++)
            {
                var draft = chosen[i];
                DateOnly date;
                if (i == 0)
                {
                    date = new DateOnly(year, 8, 17);
                }
                else
                {
                    date = new DateOnly(year, draft.Date.Month, 8);
                    var wanted = i % 2 == 0 ? DayOfWeek.Sunday : DayOfWeek.Saturday;
                    while (date.DayOfWeek != wanted)
                    {
                        date = date.AddDays(1);
                    }
                }

                if (draft.Line.Added && date < new DateOnly(year, 10, 1))
                {
                    continue;
                }

                draft.Date = date;
                draft.Planted = true;
                var when = IsHoliday(date) ? "hari libur nasional" : date.DayOfWeek == DayOfWeek.Saturday ? "hari Sabtu" : "hari Minggu";
                planted.Add((DemoIrregularityKind.WeekendOrHolidayPayment, $"SP2D {draft.Line.Opd.ShortName} diterbitkan pada {when} ({BudgetDemoFiles.Date(date)})",
                    [draft], new DemoIrregularity(DemoIrregularityKind.WeekendOrHolidayPayment, "", [], draft.Line.Opd.Code, draft.Vendor?.Id, draft.Line.Sub.Code, draft.Line.Account.Code)));
            }
        }

        private BudgetDemoFiles Finish()
        {
            var ordered = drafts.OrderBy(d => d.Date).ThenBy(d => d.Seq).ToList();
            var payments = new List<DemoPayment>(ordered.Count);
            var items = new List<DemoPaymentItem>();
            for (var i = 0; i < ordered.Count; i++)
            {
                var d = ordered[i];
                d.Id = string.Create(CultureInfo.InvariantCulture, $"SP2D-{year}-{i + 1:000000}");
                payments.Add(new DemoPayment(d.Id, d.Date, d.Line.Opd.Code, d.Line.Sub.Code, d.Line.Account.Code, d.Vendor?.Id ?? "", d.Vendor?.Name ?? "", d.Description, d.Amount, d.PackageCode));
                for (var n = 0; n < d.Items.Count; n++)
                {
                    var item = d.Items[n];
                    items.Add(new DemoPaymentItem(d.Id, n + 1, item.Item.Code, item.Item.Name, item.Quantity, item.Item.Unit, item.UnitPrice));
                }
            }

            static DemoBudgetLine Row(Line l, decimal pagu) => new(l.Opd.Code, BudgetCodes.ProgramOf(l.Sub.Code), l.Sub.ProgramName, BudgetCodes.KegiatanOf(l.Sub.Code),
                l.Sub.KegiatanName, l.Sub.Code, l.Sub.Name, l.Account.Code, l.Account.Name, pagu);
            var sorted = lines.OrderBy(l => l.OpdIndex).ThenBy(l => l.Sub.Code, StringComparer.Ordinal).ThenBy(l => l.Account.Code, StringComparer.Ordinal).ToList();
            var murni = sorted.Where(l => !l.Added).Select(l => Row(l, l.Murni)).ToList();
            var perubahan = sorted.Select(l => Row(l, l.Pagu)).ToList();

            var references = new List<DemoReferencePrice>();
            foreach (var item in Items.OrderBy(i => i.Code, StringComparer.Ordinal))
            {
                references.Add(new DemoReferencePrice(item.Code, item.Name, item.Unit, item.Price, "SSH", new DateOnly(year, 1, 1)));
                if (item.MidYearPrice is { } mid)
                {
                    references.Add(new DemoReferencePrice(item.Code, item.Name, item.Unit, mid, "SSH", MidYear));
                }

                if (item.NationalPrice is { } national)
                {
                    references.Add(new DemoReferencePrice(item.Code, item.Name, item.Unit, national, "NASIONAL", new DateOnly(year, 1, 1)));
                }
            }

            var irregularities = planted.Select(p => p.Facts with
            {
                Description = p.Description,
                PaymentIds = [.. p.Drafts.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id)],
            }).ToList();

            var villageTransfers = transfers.OrderBy(t => t.DesaCode, StringComparer.Ordinal).ThenBy(t => t.Source, StringComparer.Ordinal).ThenBy(t => t.Stage).ToList();
            var villageSpending = spending.OrderBy(s => s.DesaCode, StringComparer.Ordinal).ThenBy(s => s.Date).ThenBy(s => s.Source, StringComparer.Ordinal)
                .ThenBy(s => s.ActivityCode, StringComparer.Ordinal).ToList();
            return new BudgetDemoFiles(year, murni, perubahan, payments, items, references, villageTransfers, villageSpending, irregularities);
        }

        // ---------- helpers ----------

        private DateOnly MidYear => new(year, 7, 1);

        private decimal ReferenceAt(DemoItem item, DateOnly date) => item.MidYearPrice is { } mid && date >= MidYear ? mid : item.Price;

        private Vendor NewVendor(string name)
        {
            vendorNames.Add(name);
            string id;
            do
            {
                vendorCount++;
                id = string.Create(CultureInfo.InvariantCulture, $"V{vendorCount:000000}");
            }
            while (takenVendorIds.Contains(id));

            return new Vendor(id, name);
        }

        /// <summary>Vendor ids the regency has already (the procurement demo's): the budget's own vendors get other ids.</summary>
        private readonly HashSet<string> takenVendorIds = new(input.TakenVendorIds ?? [], StringComparer.Ordinal);

        // ---------- procured contracts ----------

        /// <summary>
        /// The payments of the year's procured contracts (<see cref="BudgetDemoInput.Packages"/>), each naming its
        /// package: an advance (uang muka) after the contract, a termin at half the work and the rest at its end, on a
        /// budget line of the package's OPD made large enough; the retention (5 %) is paid after the maintenance period,
        /// next year. Work ending after the SP2D cut-off (23 December) is paid next year. One contract is paid 5 %
        /// above its value (extra work without an addendum), the planted irregularity. Its own random stream, so the
        /// rest of the demo does not change with the packages.
        /// </summary>
        private void Contracts()
        {
            var packages = (input.Packages ?? []).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
            if (packages.Count == 0)
            {
                return;
            }

            var rng = new Random(input.Seed + 1);
            var cutoff = new DateOnly(year, 12, 23);
            var paid = new List<(DemoPackage Package, Line Line, Vendor Vendor, List<Draft> Drafts)>();
            foreach (var package in packages)
            {
                if (IndexOf(package.OpdCode) is not { } opdIndex)
                {
                    continue;
                }

                var opd = input.Opds[opdIndex];
                // A line of its own where the OPD's sub kegiatan leave one free (so the rest of the budget is paid as it
                // would be without the contract); else the contract shares a line.
                var subs = SubsFor(opd);
                var program = subs.Where(s => !s.Support).ToList();
                var account = ContractAccount(package);
                var candidates = (program.Count > 0 ? program : subs).OrderBy(_ => rng.Next()).ToList();
                var sub = candidates.FirstOrDefault(s => !lineIndex.ContainsKey((opd.Code, s.Code, account))) ?? candidates[0];
                var line = lineIndex.TryGetValue((opd.Code, sub.Code, account), out var existing) ? existing
                    : AddLine(opd, opdIndex, sub, account, 0);
                line.ContractOnly |= line != existing;
                var vendor = new Vendor(package.VendorId, package.VendorName);
                var value = package.ContractValue;
                var schedule = new List<(DateOnly Date, string What, decimal Amount)>();
                DateOnly Working(DateOnly date) => NextWorkingDayFrom(date < package.ContractDate ? package.ContractDate : date);
                if (value < 200_000_000m || package.Category == ProcurementCategory.Goods)
                {
                    schedule.Add((Working(package.WorkEnd.AddDays(5 + rng.Next(10))), "Pembayaran 100%", value));
                }
                else
                {
                    var advance = Math.Round(value * 0.2m, 0);
                    var termin = Math.Round(value * 0.3m, 0);
                    var middle = package.WorkStart.AddDays((package.WorkEnd.DayNumber - package.WorkStart.DayNumber) / 2);
                    schedule.Add((Working(package.ContractDate.AddDays(5 + rng.Next(10))), "Pembayaran uang muka 20%", advance));
                    var works = package.Category == ProcurementCategory.Construction;
                    schedule.Add((Working(middle.AddDays(3 + rng.Next(7))), works ? "Pembayaran termin I (progres fisik 50%)" : "Pembayaran termin I", termin));
                    schedule.Add((Working(package.WorkEnd.AddDays(7 + rng.Next(8))), works ? "Pembayaran termin II (progres fisik 100%) setelah dikurangi retensi 5%" : "Pembayaran termin II setelah dikurangi retensi 5%",
                        Math.Round(value * 0.95m, 0) - advance - termin));
                }

                var drafts = new List<Draft>();
                var goods = line.Account.Kind is DemoAccountKind.Goods or DemoAccountKind.CapitalGoods;
                foreach (var (date, what, amount) in schedule.Where(s => s.Date.Year == year && s.Date <= cutoff))
                {
                    // Goods are paid on delivery, with what was delivered as the line items.
                    var items = goods ? BuildItems(line.Account.Code, amount, date, rng) : null;
                    var draft = AddDraft(line, date, vendor, $"{what} {package.Name} (kontrak {package.Code})", amount, items, package.Code);
                    draft.Planted = true;
                    drafts.Add(draft);
                }

                if (drafts.Count > 0)
                {
                    Grow(line, drafts.Sum(d => d.Amount));
                    paid.Add((package, line, vendor, drafts));
                }
            }

            // The largest contract paid to its end in the year gets extra work paid without an addendum.
            if (paid.Where(p => p.Drafts.Count >= 3).OrderByDescending(p => p.Package.ContractValue).ThenBy(p => p.Package.Code, StringComparer.Ordinal).FirstOrDefault() is { Package: not null } over)
            {
                var last = over.Drafts[^1];
                var extra = Math.Round(over.Package.ContractValue * 0.1m, 0);
                var date = NextWorkingDay(last.Date);
                if (date > cutoff)
                {
                    date = last.Date;
                }

                var draft = AddDraft(over.Line, date, over.Vendor, $"Pembayaran pekerjaan tambah {over.Package.Name} (kontrak {over.Package.Code})", extra, null, over.Package.Code);
                draft.Planted = true;
                Grow(over.Line, extra);
                var total = over.Drafts.Sum(d => d.Amount) + extra;
                planted.Add((DemoIrregularityKind.OverContractValue,
                    $"Pembayaran kontrak {over.Package.Code} kepada {over.Vendor.Name} mencapai {Math.Round(total * 100m / over.Package.ContractValue, 1).ToString(CultureInfo.InvariantCulture)}% dari nilai kontrak (pekerjaan tambah tanpa addendum)",
                    [draft], new DemoIrregularity(DemoIrregularityKind.OverContractValue, "", [], over.Line.Opd.Code, over.Vendor.Id, over.Line.Sub.Code, over.Line.Account.Code,
                        PackageCode: over.Package.Code)));
            }
        }

        /// <summary>Adds room for a contract's payments to its line's pagu (murni too, unless the line came with the perubahan), with a 5 % margin.</summary>
        private static void Grow(Line line, decimal amount)
        {
            var more = Math.Ceiling(amount / 0.95m / 1_000_000m) * 1_000_000m;
            line.Pagu += more;
            if (!line.Added)
            {
                line.Murni += more;
            }
        }

        private static string ContractAccount(DemoPackage package)
        {
            var name = package.Name.ToLowerInvariant();
            bool Has(string word) => name.Contains(word, StringComparison.Ordinal);
            return package.Category switch
            {
                ProcurementCategory.Construction when Has("jembatan") => "5.2.04.01.02.0003",
                ProcurementCategory.Construction when Has("jalan") => "5.2.04.01.01.0003",
                ProcurementCategory.Construction when Has("drainase") || Has("saluran") || Has("talud") => "5.2.04.02.01.0012",
                ProcurementCategory.Construction when Has("sekolah") => "5.2.03.01.01.0005",
                ProcurementCategory.Construction when Has("puskesmas") => "5.2.03.01.01.0008",
                ProcurementCategory.Construction => "5.2.03.01.01.0001",
                ProcurementCategory.Goods when Has("komputer") => "5.2.02.10.01.0002",
                ProcurementCategory.Goods when Has("obat") => "5.1.02.01.01.0037",
                ProcurementCategory.Goods when Has("meubel") || Has("mebel") => AccountMebel,
                ProcurementCategory.Goods when Has("alat tulis") => AccountAtk,
                ProcurementCategory.Goods => "5.2.02.05.01.0005",
                ProcurementCategory.Consultancy => "5.1.02.02.02.0005",
                _ when Has("kebersihan") => "5.1.02.02.01.0014",
                _ when Has("keamanan") => "5.1.02.02.01.0016",
                _ when Has("kendaraan") => "5.1.02.03.02.0035",
                _ => "5.1.02.02.01.0026",
            };
        }

        private static readonly Dictionary<string, int> PoolSizes = new(StringComparer.Ordinal)
        {
            ["atk"] = 25,
            ["cetak"] = 10,
            ["bangunan"] = 20,
            ["farmasi"] = 8,
            ["katering"] = 15,
            ["bbm"] = 6,
            ["jasa"] = 15,
            ["bengkel"] = 8,
            ["peralatan"] = 15,
            ["konsultan"] = 10,
            ["konstruksi"] = 40,
            ["pln"] = 1,
            ["pdam"] = 1,
            ["telkom"] = 1,
        };

        private Vendor VendorFor(string pool, int opdIndex)
        {
            if (!pools.TryGetValue(pool, out var vendors))
            {
                vendors = [];
                for (var i = 0; i < PoolSizes.GetValueOrDefault(pool, 10); i++)
                {
                    string name;
                    do
                    {
                        name = VendorName(pool);
                    }
                    while (vendorNames.Contains(name));
                    vendors.Add(NewVendor(name));
                }

                pools[pool] = vendors;
            }

            // Each OPD buys mostly from a few regular vendors of the pool.
            return vendors[(opdIndex * 7 + random.Next(3)) % vendors.Count];
        }

        private string VendorName(string pool)
        {
            var a = Pick(Words);
            var b = Pick(Words);
            return pool switch
            {
                "atk" => random.Next(3) switch { 0 => $"Toko {a} {b}", 1 => $"CV {a} {b}", _ => $"UD {a} {b} Stationery" },
                "cetak" => random.Next(2) == 0 ? $"Percetakan {a} {b}" : $"CV {a} {b} Grafika",
                "bangunan" => random.Next(2) == 0 ? $"UD {a} {b}" : $"Toko Bangunan {a} {b}",
                "farmasi" => random.Next(2) == 0 ? $"PT {a} {b} Farma" : $"PT Pedagang Besar Farmasi {a} {b}",
                "katering" => random.Next(2) == 0 ? $"Rumah Makan {a} {b}" : $"Katering {a} {b}",
                "bbm" => string.Create(CultureInfo.InvariantCulture, $"SPBU 14.207.{random.Next(100, 1000)}"),
                "jasa" => random.Next(2) == 0 ? $"CV {a} {b}" : $"Koperasi Jasa {a} {b}",
                "bengkel" => $"Bengkel {a} {b} Motor",
                "peralatan" => random.Next(2) == 0 ? $"CV {a} {b} Komputer" : $"CV {a} {b} Mebel",
                "konsultan" => random.Next(2) == 0 ? $"CV {a} {b} Konsultan" : $"PT {a} {b} Engineering",
                "konstruksi" => random.Next(2) == 0 ? $"CV {a} {b}" : $"PT {a} {b} Konstruksi",
                "pln" => "PT PLN (Persero) UP3 Binjai",
                "pdam" => "PDAM Tirta Wampu Kabupaten Langkat",
                "telkom" => "PT Telkom Indonesia (Persero) Tbk",
                _ => $"CV {a} {b}",
            };
        }

        private double Uniform(double min, double max) => min + random.NextDouble() * (max - min);

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private List<T> Pick<T>(List<T> items, int count, Random? stream = null)
        {
            var random = stream ?? this.random;
            var copy = items.ToList();
            var result = new List<T>();
            for (var i = 0; i < count && copy.Count > 0; i++)
            {
                var at = random.Next(copy.Count);
                result.Add(copy[at]);
                copy.RemoveAt(at);
            }

            return result;
        }

        private static decimal Thousands(double value) => Math.Round((decimal)value / 1000m, 0) * 1000m;

        private static decimal Floor(decimal value, decimal unit) => Math.Floor(value / unit) * unit;

        /// <summary>Splits an amount into random parts (whole multiples of <paramref name="unit"/>) that sum to at most the amount.</summary>
        private List<decimal> Split(decimal amount, int count, decimal unit)
        {
            var weights = Enumerable.Range(0, count).Select(_ => 0.3 - Math.Log(1 - random.NextDouble())).ToList();
            var sum = weights.Sum();
            return weights.Select(w => Floor(amount * (decimal)(w / sum), unit)).ToList();
        }

        private int MonthFrom(int first)
        {
            var total = MonthWeights.Skip(first - 1).Sum();
            var pick = random.Next(total);
            for (var m = first; m <= 12; m++)
            {
                pick -= MonthWeights[m - 1];
                if (pick < 0)
                {
                    return m;
                }
            }

            return 12;
        }

        /// <summary>A working day of the month, with a peak in its last week (SP2D rush at month end).</summary>
        private DateOnly RandomWorkingDay(int month)
        {
            var days = DateTime.DaysInMonth(year, month);
            var day = random.NextDouble() < 0.45 ? days - random.Next(7) : 1 + random.Next(days);
            if (month == 12)
            {
                day = Math.Min(day, 23);
            }

            var date = WorkingDayOnOrBefore(new DateOnly(year, month, day));
            return date.Month == month ? date : NextWorkingDayFrom(new DateOnly(year, month, 1));
        }

        private DateOnly RandomDay(DateOnly from, DateOnly to)
        {
            var date = from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
            var working = WorkingDayOnOrBefore(date);
            return working >= from ? working : date;
        }

        private static DateOnly WorkingDayOnOrBefore(DateOnly date)
        {
            var start = date;
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(-1);
            }

            return date.Year == start.Year ? date : NextWorkingDayFrom(start);
        }

        private static DateOnly NextWorkingDayFrom(DateOnly date)
        {
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }

            return date;
        }

        private static DateOnly NextWorkingDay(DateOnly date) => NextWorkingDayFrom(date.AddDays(1));
    }
}
