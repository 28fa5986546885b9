namespace Integritas.Web.Features.Budget.Demo;

/// <summary>How a spending account is paid: who receives the money and whether the payment has line items.</summary>
public enum DemoAccountKind
{
    /// <summary>Salaries and allowances (5.1.01): monthly, no vendor.</summary>
    Payroll,

    /// <summary>Goods bought item by item (ATK, bahan bangunan, obat …): a vendor and line items.</summary>
    Goods,

    /// <summary>Services from a vendor (cleaning, security, maintenance): no line items.</summary>
    Service,

    /// <summary>Paid to persons (honorarium, travel): no vendor, no line items.</summary>
    Personal,

    /// <summary>Monthly bills of PLN, PDAM and Telkom.</summary>
    Utility,

    /// <summary>Capital goods bought item by item (computers, furniture).</summary>
    CapitalGoods,

    /// <summary>Construction contracts paid by uang muka, termin and pelunasan.</summary>
    Construction,

    /// <summary>Transfers to village governments (ADD, bagi hasil pajak): no vendor.</summary>
    Transfer,
}

/// <summary>A Permendagri 90/2019 spending account of the demo catalogue, with the phrase used in payment descriptions.</summary>
public sealed record DemoAccount(string Code, string Name, DemoAccountKind Kind, string Phrase, string VendorPool = "");

/// <summary>An item of the demo standar satuan harga: its SSH price from 1 January, an optional mid-year SSH update, and an optional national reference.</summary>
public sealed record DemoItem(string Code, string Name, string Unit, decimal Price, string AccountCode, decimal? MidYearPrice = null, decimal? NationalPrice = null);

/// <summary>An activity of a village budget (APBDes), Permendagri 20/2018 bidang.sub bidang.kegiatan.</summary>
public sealed record DemoVillageActivity(string Code, string Name);

/// <summary>The fixed nomenclature the demo generator draws on: accounts, reference items, sub kegiatan, village activities.</summary>
public static class BudgetDemoCatalogue
{
    public const string AccountAtk = "5.1.02.01.01.0024";
    public const string AccountBahanBangunan = "5.1.02.01.01.0001";
    public const string AccountMebel = "5.2.02.05.02.0001";
    public const string AccountPerjalananDinas = "5.1.02.04.01.0001";
    public const string AccountAdd = "5.4.02.05.01.0001";
    public const string AccountBagiHasil = "5.4.01.05.08.0001";
    public const string ItemSemen = "1.1.7.01.03.01.001";
    public const string ItemMejaKursiSiswa = "1.3.2.05.02.01.004";

    /// <summary>The Rp200 juta pengadaan langsung ceiling for goods (procurement-id.md).</summary>
    public const decimal DirectProcurementCeilingGoods = 200_000_000m;

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", DemoAccountKind.Payroll, "gaji pokok PNS"),
        new("5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS", DemoAccountKind.Payroll, "tunjangan keluarga PNS"),
        new("5.1.01.01.03.0001", "Belanja Tunjangan Jabatan PNS", DemoAccountKind.Payroll, "tunjangan jabatan PNS"),
        new("5.1.01.01.05.0001", "Belanja Tunjangan Fungsional Umum PNS", DemoAccountKind.Payroll, "tunjangan fungsional umum PNS"),
        new("5.1.01.01.07.0001", "Belanja Tunjangan Beras PNS", DemoAccountKind.Payroll, "tunjangan beras PNS"),
        new("5.1.01.02.01.0001", "Belanja Tambahan Penghasilan berdasarkan Beban Kerja PNS", DemoAccountKind.Payroll, "tambahan penghasilan pegawai (TPP)"),
        new(AccountBahanBangunan, "Belanja Bahan-Bahan Bangunan dan Konstruksi", DemoAccountKind.Goods, "bahan bangunan dan konstruksi", "bangunan"),
        new("5.1.02.01.01.0004", "Belanja Bahan-Bahan Bakar dan Pelumas", DemoAccountKind.Goods, "bahan bakar minyak", "bbm"),
        new(AccountAtk, "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor", DemoAccountKind.Goods, "alat tulis kantor", "atk"),
        new("5.1.02.01.01.0025", "Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover", DemoAccountKind.Goods, "kertas dan cover", "atk"),
        new("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak", DemoAccountKind.Goods, "bahan cetak dan penggandaan", "cetak"),
        new("5.1.02.01.01.0029", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Komputer", DemoAccountKind.Goods, "bahan komputer", "atk"),
        new("5.1.02.01.01.0031", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Listrik", DemoAccountKind.Goods, "alat listrik", "atk"),
        new("5.1.02.01.01.0037", "Belanja Obat-Obatan-Obat", DemoAccountKind.Goods, "obat-obatan", "farmasi"),
        new("5.1.02.01.01.0038", "Belanja Obat-Obatan-Bahan Medis Habis Pakai", DemoAccountKind.Goods, "bahan medis habis pakai", "farmasi"),
        new("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat", DemoAccountKind.Goods, "makanan dan minuman rapat", "katering"),
        new("5.1.02.02.01.0003", "Belanja Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia", DemoAccountKind.Personal, "honorarium narasumber dan panitia"),
        new("5.1.02.02.01.0013", "Belanja Jasa Tenaga Kesehatan", DemoAccountKind.Personal, "jasa tenaga kesehatan"),
        new("5.1.02.02.01.0014", "Belanja Jasa Tenaga Kebersihan", DemoAccountKind.Service, "jasa tenaga kebersihan", "jasa"),
        new("5.1.02.02.01.0016", "Belanja Jasa Tenaga Keamanan", DemoAccountKind.Service, "jasa tenaga keamanan", "jasa"),
        new("5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi", DemoAccountKind.Service, "jasa tenaga administrasi", "jasa"),
        new("5.1.02.02.02.0005", "Belanja Jasa Konsultansi Perencanaan Rekayasa", DemoAccountKind.Service, "jasa konsultansi perencanaan", "konsultan"),
        new("5.1.02.02.01.0059", "Belanja Tagihan Telepon", DemoAccountKind.Utility, "tagihan telepon", "telkom"),
        new("5.1.02.02.01.0060", "Belanja Tagihan Air", DemoAccountKind.Utility, "tagihan air", "pdam"),
        new("5.1.02.02.01.0061", "Belanja Tagihan Listrik", DemoAccountKind.Utility, "tagihan listrik", "pln"),
        new("5.1.02.02.01.0063", "Belanja Kawat/Faksimili/Internet/TV Berlangganan", DemoAccountKind.Utility, "langganan internet", "telkom"),
        new("5.1.02.03.02.0035", "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-Kendaraan Bermotor Penumpang", DemoAccountKind.Service, "pemeliharaan kendaraan dinas", "bengkel"),
        new("5.1.02.03.03.0001", "Belanja Pemeliharaan Bangunan Gedung-Bangunan Gedung Tempat Kerja-Bangunan Gedung Kantor", DemoAccountKind.Service, "pemeliharaan gedung kantor", "bangunan"),
        new("5.1.02.03.04.0036", "Belanja Pemeliharaan Jalan dan Jembatan-Jalan Kabupaten", DemoAccountKind.Construction, "pemeliharaan rutin jalan kabupaten", "konstruksi"),
        new(AccountPerjalananDinas, "Belanja Perjalanan Dinas Biasa", DemoAccountKind.Personal, "perjalanan dinas"),
        new("5.1.02.04.01.0003", "Belanja Perjalanan Dinas Dalam Kota", DemoAccountKind.Personal, "perjalanan dinas dalam kota"),
        new("5.2.02.05.01.0005", "Belanja Modal Alat Kantor Lainnya", DemoAccountKind.CapitalGoods, "alat kantor", "peralatan"),
        new(AccountMebel, "Belanja Modal Mebel", DemoAccountKind.CapitalGoods, "mebel", "peralatan"),
        new("5.2.02.10.01.0002", "Belanja Modal Personal Computer", DemoAccountKind.CapitalGoods, "komputer", "peralatan"),
        new("5.2.02.07.01.0001", "Belanja Modal Alat Kedokteran Umum", DemoAccountKind.CapitalGoods, "alat kedokteran", "farmasi"),
        new("5.2.03.01.01.0001", "Belanja Modal Bangunan Gedung Kantor", DemoAccountKind.Construction, "pembangunan gedung kantor", "konstruksi"),
        new("5.2.03.01.01.0005", "Belanja Modal Bangunan Gedung Tempat Pendidikan", DemoAccountKind.Construction, "pembangunan gedung sekolah", "konstruksi"),
        new("5.2.03.01.01.0008", "Belanja Modal Bangunan Kesehatan", DemoAccountKind.Construction, "pembangunan gedung kesehatan", "konstruksi"),
        new("5.2.04.01.01.0003", "Belanja Modal Jalan Kabupaten", DemoAccountKind.Construction, "pembangunan jalan kabupaten", "konstruksi"),
        new("5.2.04.01.02.0003", "Belanja Modal Jembatan pada Jalan Kabupaten", DemoAccountKind.Construction, "pembangunan jembatan", "konstruksi"),
        new("5.2.04.02.01.0012", "Belanja Modal Bangunan Drainase", DemoAccountKind.Construction, "pembangunan saluran drainase", "konstruksi"),
        new(AccountAdd, "Belanja Bantuan Keuangan Umum Daerah Kabupaten/Kota kepada Pemerintahan Desa", DemoAccountKind.Transfer, "alokasi dana desa"),
        new(AccountBagiHasil, "Belanja Bagi Hasil Pajak Daerah Kabupaten/Kota kepada Pemerintahan Desa", DemoAccountKind.Transfer, "bagi hasil pajak daerah"),
    ];

    public static readonly IReadOnlyDictionary<string, DemoAccount> AccountByCode = Accounts.ToDictionary(a => a.Code, StringComparer.Ordinal);

    /// <summary>The demo standar satuan harga. Codes follow the SIPD barang shape (<c>1.1.7.01.01.01.001</c>).</summary>
    public static readonly IReadOnlyList<DemoItem> Items =
    [
        // ATK
        new("1.1.7.01.01.01.001", "Pulpen gel 0,5 mm (isi 12)", "kotak", 48_000m, AccountAtk, NationalPrice: 49_500m),
        new("1.1.7.01.01.01.002", "Pensil 2B (isi 12)", "kotak", 36_000m, AccountAtk),
        new("1.1.7.01.01.01.003", "Map snelhecter plastik", "buah", 3_500m, AccountAtk),
        new("1.1.7.01.01.01.004", "Ordner folio", "buah", 38_000m, AccountAtk, MidYearPrice: 40_000m),
        new("1.1.7.01.01.01.005", "Stapler HD-10", "buah", 25_000m, AccountAtk),
        new("1.1.7.01.01.01.006", "Isi staples No. 10", "kotak", 4_500m, AccountAtk),
        new("1.1.7.01.01.01.007", "Spidol whiteboard (isi 12)", "kotak", 72_000m, AccountAtk),
        new("1.1.7.01.01.01.008", "Lakban bening 2 inci", "gulung", 14_000m, AccountAtk),
        new("1.1.7.01.01.01.009", "Amplop putih polos (isi 100)", "kotak", 32_000m, AccountAtk),
        new("1.1.7.01.01.01.010", "Buku agenda folio", "buah", 22_000m, AccountAtk),

        // Kertas
        new("1.1.7.01.01.02.001", "Kertas HVS A4 70 gram", "rim", 58_000m, "5.1.02.01.01.0025", MidYearPrice: 62_000m, NationalPrice: 60_000m),
        new("1.1.7.01.01.02.002", "Kertas HVS F4 70 gram", "rim", 64_000m, "5.1.02.01.01.0025", MidYearPrice: 67_000m),
        new("1.1.7.01.01.02.003", "Kertas cover/buffalo A4", "pak", 45_000m, "5.1.02.01.01.0025"),

        // Bahan cetak
        new("1.1.7.01.01.03.001", "Cetak spanduk/banner", "m2", 35_000m, "5.1.02.01.01.0026"),
        new("1.1.7.01.01.03.002", "Cetak buku laporan", "eksemplar", 85_000m, "5.1.02.01.01.0026"),
        new("1.1.7.01.01.03.003", "Penggandaan/fotokopi", "lembar", 300m, "5.1.02.01.01.0026"),
        new("1.1.7.01.01.03.004", "Cetak blangko/formulir", "rim", 250_000m, "5.1.02.01.01.0026"),

        // Bahan komputer
        new("1.1.7.01.01.05.001", "Tinta printer (botol 70 ml)", "botol", 95_000m, "5.1.02.01.01.0029", NationalPrice: 97_000m),
        new("1.1.7.01.01.05.002", "Toner printer laser", "buah", 850_000m, "5.1.02.01.01.0029"),
        new("1.1.7.01.01.05.003", "Flashdisk 32 GB", "buah", 95_000m, "5.1.02.01.01.0029"),

        // Alat listrik
        new("1.1.7.01.01.06.001", "Lampu LED 18 watt", "buah", 65_000m, "5.1.02.01.01.0031"),
        new("1.1.7.01.01.06.002", "Kabel NYM 2x2,5 mm (50 m)", "roll", 520_000m, "5.1.02.01.01.0031"),
        new("1.1.7.01.01.06.003", "Stop kontak 4 lubang", "buah", 55_000m, "5.1.02.01.01.0031"),

        // Makanan dan minuman rapat
        new("1.1.7.01.02.01.001", "Nasi kotak rapat", "kotak", 45_000m, "5.1.02.01.01.0052", MidYearPrice: 47_500m),
        new("1.1.7.01.02.01.002", "Snack kotak rapat", "kotak", 20_000m, "5.1.02.01.01.0052"),
        new("1.1.7.01.02.01.003", "Air mineral gelas 240 ml (isi 48)", "dus", 35_000m, "5.1.02.01.01.0052"),

        // Bahan bangunan
        new(ItemSemen, "Semen Portland 50 kg", "zak", 72_000m, AccountBahanBangunan, MidYearPrice: 76_000m, NationalPrice: 74_000m),
        new("1.1.7.01.03.01.002", "Besi beton polos 10 mm", "batang", 85_000m, AccountBahanBangunan),
        new("1.1.7.01.03.01.003", "Besi beton ulir 12 mm", "batang", 120_000m, AccountBahanBangunan),
        new("1.1.7.01.03.01.004", "Pasir beton", "m3", 210_000m, AccountBahanBangunan),
        new("1.1.7.01.03.01.005", "Batu split 2/3", "m3", 350_000m, AccountBahanBangunan),
        new("1.1.7.01.03.01.006", "Aspal minyak penetrasi 60/70 (drum 150 kg)", "drum", 2_150_000m, AccountBahanBangunan, NationalPrice: 2_200_000m),

        // Bahan bakar
        new("1.1.7.01.04.01.001", "Bensin Pertalite", "liter", 10_000m, "5.1.02.01.01.0004"),
        new("1.1.7.01.04.01.002", "Solar/Biosolar", "liter", 6_800m, "5.1.02.01.01.0004"),

        // Obat dan BMHP
        new("1.1.7.01.05.01.001", "Parasetamol tablet 500 mg (isi 100)", "kotak", 11_500m, "5.1.02.01.01.0037", NationalPrice: 12_000m),
        new("1.1.7.01.05.01.002", "Amoksisilin kapsul 500 mg (isi 100)", "kotak", 37_000m, "5.1.02.01.01.0037"),
        new("1.1.7.01.05.01.003", "Oralit 200 ml (isi 100 sachet)", "kotak", 45_000m, "5.1.02.01.01.0037"),
        new("1.1.7.01.05.01.004", "Tablet tambah darah (isi 30)", "botol", 9_000m, "5.1.02.01.01.0037"),
        new("1.1.7.01.05.02.001", "Masker medis 3 ply (isi 50)", "kotak", 35_000m, "5.1.02.01.01.0038"),
        new("1.1.7.01.05.02.002", "Sarung tangan lateks (isi 100)", "kotak", 85_000m, "5.1.02.01.01.0038"),
        new("1.1.7.01.05.02.003", "Spuit 3 ml (isi 100)", "kotak", 175_000m, "5.1.02.01.01.0038"),

        // Modal: alat kantor, mebel, komputer, alat kedokteran
        new("1.3.2.05.01.04.001", "AC split 1 PK", "unit", 5_600_000m, "5.2.02.05.01.0005"),
        new("1.3.2.05.01.05.001", "Mesin fotokopi", "unit", 32_000_000m, "5.2.02.05.01.0005"),
        new("1.3.2.05.02.01.001", "Meja kerja staf", "unit", 2_400_000m, AccountMebel),
        new("1.3.2.05.02.01.002", "Kursi kerja staf", "unit", 1_150_000m, AccountMebel),
        new("1.3.2.05.02.01.003", "Lemari arsip besi", "unit", 3_300_000m, AccountMebel),
        new(ItemMejaKursiSiswa, "Meja dan kursi siswa (1 set)", "set", 1_350_000m, AccountMebel),
        new("1.3.2.10.01.02.001", "Komputer PC all-in-one", "unit", 12_500_000m, "5.2.02.10.01.0002", NationalPrice: 12_800_000m),
        new("1.3.2.10.01.02.002", "Laptop", "unit", 14_000_000m, "5.2.02.10.01.0002"),
        new("1.3.2.10.02.03.001", "Printer multifungsi", "unit", 3_200_000m, "5.2.02.10.01.0002"),
        new("1.3.2.07.01.01.001", "Tensimeter digital", "unit", 850_000m, "5.2.02.07.01.0001"),
        new("1.3.2.07.01.01.002", "Timbangan bayi digital", "unit", 1_250_000m, "5.2.02.07.01.0001"),
        new("1.3.2.07.01.01.003", "Alat ukur panjang badan bayi (infantometer)", "unit", 650_000m, "5.2.02.07.01.0001"),
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<DemoItem>> ItemsByAccount =
        Items.GroupBy(i => i.AccountCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<DemoItem>)[.. g], StringComparer.Ordinal);

    /// <summary>The names of the supporting-affairs program and kegiatan every OPD has (<c>X.XX.01…</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> SupportKegiatanNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["2.01"] = "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        ["2.02"] = "Administrasi Keuangan Perangkat Daerah",
        ["2.06"] = "Administrasi Umum Perangkat Daerah",
        ["2.07"] = "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
        ["2.08"] = "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
        ["2.09"] = "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
    };

    public const string SupportProgramName = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota";

    /// <summary>The supporting-affairs sub kegiatan, as suffixes after the OPD's urusan.bidang (<c>1.02</c> + <c>.01.2.01.0001</c>).</summary>
    public static readonly IReadOnlyList<(string Suffix, string Name)> SupportSubKegiatan =
    [
        (".01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
        (".01.2.01.0007", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"),
        (".01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN"),
        (".01.2.06.0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor"),
        (".01.2.06.0004", "Penyediaan Bahan Logistik Kantor"),
        (".01.2.06.0005", "Penyediaan Barang Cetakan dan Penggandaan"),
        (".01.2.06.0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"),
        (".01.2.07.0005", "Pengadaan Mebel"),
        (".01.2.07.0006", "Pengadaan Peralatan dan Mesin Lainnya"),
        (".01.2.08.0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"),
        (".01.2.08.0004", "Penyediaan Jasa Pelayanan Umum Kantor"),
        (".01.2.09.0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan"),
        (".01.2.09.0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya"),
    ];

    /// <summary>A program sub kegiatan of the fallback nomenclature, with its kegiatan and program names.</summary>
    public sealed record ProgramSub(string Code, string Name, string KegiatanName, string ProgramName);

    private static ProgramSub P(string code, string name, string kegiatan, string program) => new(code, name, kegiatan, program);

    /// <summary>Program sub kegiatan by OPD code (Permendagri 90/2019 nomenclature, the demo performance plans' codes where they exist).</summary>
    public static readonly IReadOnlyDictionary<string, ProgramSub[]> ProgramSubsByOpd = new Dictionary<string, ProgramSub[]>(StringComparer.Ordinal)
    {
        ["1.01.0.00.0.00.01.0000"] =
        [
            P("1.01.02.2.01.0012", "Pembangunan Ruang Kelas Baru", "Pengelolaan Pendidikan Sekolah Dasar", "Program Pengelolaan Pendidikan"),
            P("1.01.02.2.01.0020", "Rehabilitasi Sedang/Berat Ruang Kelas Sekolah", "Pengelolaan Pendidikan Sekolah Dasar", "Program Pengelolaan Pendidikan"),
            P("1.01.02.2.01.0026", "Pengadaan Perlengkapan Sekolah", "Pengelolaan Pendidikan Sekolah Dasar", "Program Pengelolaan Pendidikan"),
            P("1.01.02.2.02.0020", "Rehabilitasi Sedang/Berat Ruang Kelas Sekolah SMP", "Pengelolaan Pendidikan Sekolah Menengah Pertama", "Program Pengelolaan Pendidikan"),
        ],
        ["1.02.0.00.0.00.01.0000"] =
        [
            P("1.02.02.2.01.0003", "Pembangunan Puskesmas", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"),
            P("1.02.02.2.01.0014", "Pengadaan Obat, Vaksin", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"),
            P("1.02.02.2.02.0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"),
            P("1.02.02.2.02.0003", "Pengelolaan Pelayanan Kesehatan Balita", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"),
            P("1.02.02.2.02.0033", "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"),
        ],
        ["1.03.0.00.0.00.01.0000"] =
        [
            P("1.03.10.2.01.0003", "Pembangunan Jalan", "Penyelenggaraan Jalan Kabupaten/Kota", "Program Penyelenggaraan Jalan"),
            P("1.03.10.2.01.0017", "Rehabilitasi Jalan", "Penyelenggaraan Jalan Kabupaten/Kota", "Program Penyelenggaraan Jalan"),
            P("1.03.10.2.01.0020", "Pemeliharaan Rutin Jalan", "Penyelenggaraan Jalan Kabupaten/Kota", "Program Penyelenggaraan Jalan"),
            P("1.03.10.2.01.0027", "Pembangunan Jembatan", "Penyelenggaraan Jalan Kabupaten/Kota", "Program Penyelenggaraan Jalan"),
            P("1.03.05.2.01.0002", "Pembangunan Sistem Drainase Perkotaan", "Pengelolaan dan Pengembangan Sistem Drainase yang Terhubung Langsung dengan Sungai dalam Daerah Kabupaten/Kota", "Program Pengelolaan dan Pengembangan Sistem Drainase"),
        ],
        ["1.04.2.10.0.00.01.0000"] =
        [
            P("1.04.02.2.01.0003", "Rehabilitasi Rumah Tidak Layak Huni", "Pendataan Penyediaan dan Rehabilitasi Rumah Korban Bencana atau Relokasi Program Kabupaten/Kota", "Program Pengembangan Perumahan"),
            P("1.04.04.2.01.0004", "Pembangunan Prasarana, Sarana dan Utilitas Umum di Perumahan", "Urusan Penyelenggaraan PSU Perumahan", "Program Peningkatan Prasarana, Sarana dan Utilitas Umum (PSU)"),
        ],
        ["1.05.0.00.0.00.01.0000"] =
        [
            P("1.05.02.2.01.0001", "Penanganan Gangguan Ketenteraman dan Ketertiban Umum dalam 1 (satu) Daerah Kabupaten/Kota", "Penanganan Gangguan Ketenteraman dan Ketertiban Umum dalam 1 (satu) Daerah Kabupaten/Kota", "Program Peningkatan Ketenteraman dan Ketertiban Umum"),
        ],
        ["1.05.0.00.0.00.02.0000"] =
        [
            P("1.05.03.2.03.0001", "Respon Cepat Darurat Bencana Kabupaten/Kota", "Penanganan Bencana", "Program Penanggulangan Bencana"),
            P("1.05.03.2.01.0002", "Penyusunan Rencana Penanggulangan Bencana", "Pelayanan Pencegahan dan Kesiapsiagaan terhadap Bencana", "Program Penanggulangan Bencana"),
        ],
        ["1.05.0.00.0.00.03.0000"] =
        [
            P("1.05.04.2.01.0001", "Pencegahan, Pengendalian, Pemadaman, Penyelamatan, dan Penanganan Bahan Berbahaya dan Beracun Kebakaran", "Pencegahan, Pengendalian, Pemadaman, Penyelamatan, dan Penanganan Bahan Berbahaya dan Beracun Kebakaran dalam Daerah Kabupaten/Kota", "Program Pencegahan, Penanggulangan, Penyelamatan Kebakaran dan Penyelamatan Non Kebakaran"),
        ],
        ["3.27.0.00.0.00.01.0000"] =
        [
            P("3.27.03.2.01.0001", "Pengawasan Penyediaan dan Penyaluran Pupuk", "Pengawasan Penggunaan Sarana Pendukung Pertanian", "Program Penyediaan dan Pengembangan Sarana Pertanian"),
            P("3.27.03.2.02.0001", "Penyediaan Benih Unggul Tanaman Pangan", "Pengelolaan Sumber Daya Genetik Tanaman dan Hewan", "Program Penyediaan dan Pengembangan Sarana Pertanian"),
        ],
    };

    /// <summary>Village-budget activities by fund source (Permendagri 20/2018 bidang 1–5).</summary>
    public static readonly IReadOnlyList<DemoVillageActivity> DanaDesaActivities =
    [
        new("1.3.01", "Penyelenggaraan Musyawarah Perencanaan Desa/Pembahasan APBDes"),
        new("2.1.01", "Penyelenggaraan PAUD/TK/TPA/TKA/TPQ/Madrasah Nonformal Milik Desa"),
        new("2.2.01", "Penyelenggaraan Pos Kesehatan Desa (PKD)/Polindes Milik Desa"),
        new("2.2.02", "Penyelenggaraan Posyandu (Makanan Tambahan, Kelas Ibu Hamil, Kelas Lansia, Insentif Kader)"),
        new("2.2.06", "Pencegahan dan Penanganan Stunting"),
        new("2.3.10", "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Desa"),
        new("2.3.12", "Pembangunan/Rehabilitasi/Peningkatan Jembatan Milik Desa"),
        new("2.4.01", "Pembangunan/Rehabilitasi/Peningkatan Sumber Air Bersih Milik Desa"),
        new("2.4.05", "Pembangunan/Rehabilitasi/Peningkatan Saluran Drainase Lingkungan"),
        new("4.2.01", "Peningkatan Produksi Tanaman Pangan (Ketahanan Pangan)"),
        new("4.7.01", "Penyertaan Modal BUM Desa"),
    ];

    public static readonly DemoVillageActivity BltDanaDesa = new("5.3.01", "Penanganan Keadaan Mendesak (BLT Dana Desa)");

    public static readonly IReadOnlyList<DemoVillageActivity> AddActivities =
    [
        new("1.1.01", "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa"),
        new("1.1.02", "Penyediaan Penghasilan Tetap dan Tunjangan Perangkat Desa"),
        new("1.1.04", "Penyediaan Operasional Pemerintah Desa (ATK, Honorarium PKPKD dan PPKD)"),
        new("1.1.05", "Penyediaan Tunjangan BPD"),
        new("1.2.01", "Penyediaan Sarana (Aset Tetap) Perkantoran/Pemerintahan"),
        new("3.1.01", "Penyelenggaraan Ketenteraman dan Ketertiban Desa (Linmas)"),
        new("3.5.01", "Pembinaan PKK"),
        new("5.1.01", "Penanggulangan Bencana"),
    ];

    public static readonly IReadOnlyList<DemoVillageActivity> BagiHasilActivities =
    [
        new("1.1.06", "Penyediaan Insentif/Operasional RT/RW"),
        new("1.2.02", "Pemeliharaan Gedung/Prasarana Kantor Desa"),
        new("3.3.01", "Pengiriman Kontingen Kepemudaan dan Olahraga Desa"),
        new("3.4.01", "Pembinaan Lembaga Adat"),
    ];
}
