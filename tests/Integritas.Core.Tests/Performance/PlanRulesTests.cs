using Integritas.Core.Performance;

namespace Integritas.Core.Tests.Performance;

public class PlanRulesTests
{
    [Theory]
    [InlineData(PlanLevel.Tujuan, "T1", null, null)]
    [InlineData(PlanLevel.Sasaran, "S1.2", PlanLevel.Tujuan, "T1")]
    [InlineData(PlanLevel.Program, "1.02.02", PlanLevel.Sasaran, "S1.2")]
    [InlineData(PlanLevel.Kegiatan, "1.02.02.2.01", PlanLevel.Program, "1.02.02")]
    [InlineData(PlanLevel.SubKegiatan, "1.02.02.2.01.0001", PlanLevel.Kegiatan, "1.02.02.2.01")]
    [InlineData(PlanLevel.Program, "X.XX.01", PlanLevel.Sasaran, "S-1")]
    public void Well_placed_and_coded(PlanLevel level, string code, PlanLevel? parentLevel, string? parentCode) =>
        Assert.Empty(PlanRules.Check(level, code, parentLevel, parentCode));

    [Theory]
    [InlineData(PlanLevel.SubKegiatan, "1.02.02.2.01.0001", PlanLevel.Program, "1.02.02", "harus berada di bawah kegiatan")]
    [InlineData(PlanLevel.Tujuan, "T1", PlanLevel.Tujuan, "T0", "tanpa induk")]
    [InlineData(PlanLevel.Sasaran, "S1", null, null, "harus berada di bawah tujuan")]
    [InlineData(PlanLevel.SubKegiatan, "1.02.02.2.01.001", PlanLevel.Kegiatan, "1.02.02.2.01", "Permendagri 90/2019")]
    [InlineData(PlanLevel.Kegiatan, "1.02.02", PlanLevel.Program, "1.02.02", "Permendagri 90/2019")] // a program code where a kegiatan belongs
    [InlineData(PlanLevel.SubKegiatan, "1.02.03.2.01.0001", PlanLevel.Kegiatan, "1.02.02.2.01", "diawali kode induknya")]
    [InlineData(PlanLevel.Kegiatan, "1.03.02.2.01", PlanLevel.Program, "1.02.02", "diawali kode induknya")]
    [InlineData(PlanLevel.Sasaran, "S 1", PlanLevel.Tujuan, "T1", "huruf, angka")]
    [InlineData(PlanLevel.Sasaran, "", PlanLevel.Tujuan, "T1", "wajib")]
    public void Misplaced_or_miscoded(PlanLevel level, string code, PlanLevel? parentLevel, string? parentCode, string problem) =>
        Assert.Contains(PlanRules.Check(level, code, parentLevel, parentCode), p => p.Id.Contains(problem, StringComparison.Ordinal));
}
