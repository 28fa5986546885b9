using Integritas.Data.Organisation;

namespace Integritas.Data.Demo;

/// <summary>The perangkat daerah of a typical North Sumatran kabupaten, with Kepmendagri 050-5889/2021 unit codes.</summary>
internal static class OpdTemplates
{
    public sealed record Template(string Code, string Name, string ShortName, OpdKind Kind, string[] Fields);

    public static readonly Template[] All =
    [
        new("4.01.0.00.0.00.01.0000", "Sekretariat Daerah", "Setda", OpdKind.Sekretariat, ["Bagian Tata Pemerintahan", "Bagian Pengadaan Barang dan Jasa", "Bagian Organisasi"]),
        new("4.02.0.00.0.00.01.0000", "Sekretariat DPRD", "Setwan", OpdKind.Sekretariat, ["Bagian Persidangan dan Perundang-undangan", "Bagian Keuangan"]),
        new("6.01.0.00.0.00.01.0000", "Inspektorat Daerah", "Inspektorat", OpdKind.Inspektorat, ["Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II", "Inspektur Pembantu Investigasi"]),
        new("5.01.5.05.0.00.01.0000", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bappedalitbang", OpdKind.Badan, ["Bidang Perencanaan Ekonomi", "Bidang Pengendalian dan Evaluasi", "Bidang Riset dan Inovasi"]),
        new("5.02.0.00.0.00.01.0000", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", OpdKind.Badan, ["Bidang Anggaran", "Bidang Perbendaharaan", "Bidang Aset"]),
        new("5.02.0.00.0.00.02.0000", "Badan Pendapatan Daerah", "Bapenda", OpdKind.Badan, ["Bidang Pajak Bumi dan Bangunan", "Bidang Pajak Daerah Lainnya"]),
        new("5.03.5.04.0.00.01.0000", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", OpdKind.Badan, ["Bidang Mutasi dan Promosi", "Bidang Pengembangan Kompetensi"]),
        new("8.01.0.00.0.00.01.0000", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", OpdKind.Badan, ["Bidang Ideologi dan Wawasan Kebangsaan", "Bidang Politik Dalam Negeri"]),
        new("1.05.0.00.0.00.02.0000", "Badan Penanggulangan Bencana Daerah", "BPBD", OpdKind.Badan, ["Bidang Pencegahan dan Kesiapsiagaan", "Bidang Kedaruratan dan Logistik"]),
        new("1.01.0.00.0.00.01.0000", "Dinas Pendidikan", "Disdik", OpdKind.Dinas, ["Bidang Pembinaan SD", "Bidang Pembinaan SMP", "Bidang PAUD dan Pendidikan Nonformal"]),
        new("1.02.0.00.0.00.01.0000", "Dinas Kesehatan", "Dinkes", OpdKind.Dinas, ["Bidang Pelayanan Kesehatan", "Bidang Kesehatan Masyarakat", "Bidang Pencegahan dan Pengendalian Penyakit"]),
        new("1.02.0.00.0.00.02.0000", "Rumah Sakit Umum Daerah Tanjung Pura", "RSUD Tanjung Pura", OpdKind.Rsud, ["Bidang Pelayanan Medik", "Bidang Keperawatan"]),
        new("1.03.0.00.0.00.01.0000", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", OpdKind.Dinas, ["Bidang Bina Marga", "Bidang Sumber Daya Air", "Bidang Penataan Ruang"]),
        new("1.04.2.10.0.00.01.0000", "Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "Perkim", OpdKind.Dinas, ["Bidang Perumahan", "Bidang Pertanahan"]),
        new("1.05.0.00.0.00.01.0000", "Satuan Polisi Pamong Praja", "Satpol PP", OpdKind.Satpol, ["Bidang Penegakan Perda", "Bidang Ketertiban Umum"]),
        new("1.05.0.00.0.00.03.0000", "Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar", OpdKind.Dinas, ["Bidang Operasi dan Penyelamatan"]),
        new("1.06.0.00.0.00.01.0000", "Dinas Sosial", "Dinsos", OpdKind.Dinas, ["Bidang Perlindungan dan Jaminan Sosial", "Bidang Rehabilitasi Sosial"]),
        new("2.07.0.00.0.00.01.0000", "Dinas Tenaga Kerja", "Disnaker", OpdKind.Dinas, ["Bidang Penempatan dan Pelatihan Kerja", "Bidang Hubungan Industrial"]),
        new("2.08.0.00.0.00.01.0000", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", OpdKind.Dinas, ["Bidang Perlindungan Perempuan", "Bidang Pemenuhan Hak Anak"]),
        new("2.14.0.00.0.00.01.0000", "Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB", OpdKind.Dinas, ["Bidang Keluarga Berencana", "Bidang Ketahanan Keluarga"]),
        new("2.09.0.00.0.00.01.0000", "Dinas Ketahanan Pangan", "DKP", OpdKind.Dinas, ["Bidang Ketersediaan dan Distribusi Pangan", "Bidang Konsumsi dan Keamanan Pangan"]),
        new("2.11.0.00.0.00.01.0000", "Dinas Lingkungan Hidup", "DLH", OpdKind.Dinas, ["Bidang Pengelolaan Sampah", "Bidang Penataan dan Pengendalian Pencemaran"]),
        new("2.12.0.00.0.00.01.0000", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", OpdKind.Dinas, ["Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pelayanan Pencatatan Sipil"]),
        new("2.13.0.00.0.00.01.0000", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", OpdKind.Dinas, ["Bidang Pemerintahan Desa", "Bidang Keuangan dan Aset Desa"]),
        new("2.15.0.00.0.00.01.0000", "Dinas Perhubungan", "Dishub", OpdKind.Dinas, ["Bidang Lalu Lintas", "Bidang Angkutan"]),
        new("2.16.2.20.2.21.01.0000", "Dinas Komunikasi dan Informatika", "Diskominfo", OpdKind.Dinas, ["Bidang Aplikasi Informatika", "Bidang Informasi dan Komunikasi Publik", "Bidang Statistik dan Persandian"]),
        new("2.17.0.00.0.00.01.0000", "Dinas Koperasi dan Usaha Kecil Menengah", "Diskop UKM", OpdKind.Dinas, ["Bidang Koperasi", "Bidang Usaha Mikro"]),
        new("2.18.0.00.0.00.01.0000", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", OpdKind.Dinas, ["Bidang Pelayanan Perizinan", "Bidang Pengendalian Penanaman Modal"]),
        new("2.19.0.00.0.00.01.0000", "Dinas Pemuda dan Olahraga", "Dispora", OpdKind.Dinas, ["Bidang Kepemudaan", "Bidang Keolahragaan"]),
        new("2.23.2.24.0.00.01.0000", "Dinas Perpustakaan dan Kearsipan", "Dispusip", OpdKind.Dinas, ["Bidang Layanan Perpustakaan", "Bidang Kearsipan"]),
        new("3.26.0.00.0.00.01.0000", "Dinas Pariwisata", "Dispar", OpdKind.Dinas, ["Bidang Destinasi Wisata", "Bidang Pemasaran Pariwisata"]),
        new("3.25.0.00.0.00.01.0000", "Dinas Perikanan", "Diskan", OpdKind.Dinas, ["Bidang Perikanan Tangkap", "Bidang Perikanan Budidaya"]),
        new("3.27.0.00.0.00.01.0000", "Dinas Pertanian", "Distan", OpdKind.Dinas, ["Bidang Tanaman Pangan dan Hortikultura", "Bidang Prasarana dan Sarana Pertanian", "Bidang Penyuluhan"]),
        new("3.27.0.00.0.00.02.0000", "Dinas Perkebunan dan Peternakan", "Disbunnak", OpdKind.Dinas, ["Bidang Perkebunan", "Bidang Peternakan dan Kesehatan Hewan"]),
        new("3.30.3.31.0.00.01.0000", "Dinas Perindustrian dan Perdagangan", "Disperindag", OpdKind.Dinas, ["Bidang Perdagangan", "Bidang Perindustrian", "Bidang Metrologi Legal"]),
        new("1.02.0.00.0.00.03.0000", "Rumah Sakit Umum Daerah Pangkalan Brandan", "RSUD P. Brandan", OpdKind.Rsud, ["Bidang Pelayanan Medik"]),
        new("4.01.0.00.0.00.02.0000", "Bagian Umum Sekretariat Daerah", "Bag. Umum", OpdKind.Sekretariat, ["Subbagian Rumah Tangga", "Subbagian Perlengkapan"]),
        new("3.32.0.00.0.00.01.0000", "Dinas Transmigrasi", "Distrans", OpdKind.Dinas, ["Bidang Penyiapan Permukiman"]),
        new("2.22.0.00.0.00.01.0000", "Dinas Kebudayaan", "Disbud", OpdKind.Dinas, ["Bidang Cagar Budaya dan Permuseuman"]),
    ];
}
