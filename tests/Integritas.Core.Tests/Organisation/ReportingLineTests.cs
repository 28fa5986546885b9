using Integritas.Core.Organisation;

namespace Integritas.Core.Tests.Organisation;

public class ReportingLineTests
{
    private const int Bupati = 1;
    private const int Sekda = 2;
    private const int KepalaDinas = 3;
    private const int SekretarisDinas = 4;
    private const int Kasubbag = 5;
    private const int Staf = 6;
    private const int Kabid = 7;
    private const int Inspektur = 10;
    private const int Auditor = 11;

    // Bupati ← Sekda ← Kepala Dinas ← Sekretaris Dinas ← Kasubbag ← Staf
    //                              ↖ Kabid
    // Inspektur ← Auditor (a separate line)
    private static readonly Dictionary<int, int?> Positions = new()
    {
        [Bupati] = null,
        [Sekda] = Bupati,
        [KepalaDinas] = Sekda,
        [SekretarisDinas] = KepalaDinas,
        [Kasubbag] = SekretarisDinas,
        [Staf] = Kasubbag,
        [Kabid] = KepalaDinas,
        [Inspektur] = null,
        [Auditor] = Inspektur,
    };

    [Fact]
    public void SuperiorsAreListedNearestFirst()
    {
        Assert.Equal([Kasubbag, SekretarisDinas, KepalaDinas, Sekda, Bupati], ReportingLine.Superiors(Staf, Positions));
        Assert.Equal([KepalaDinas, Sekda, Bupati], ReportingLine.Superiors(Kabid, Positions));
        Assert.Equal([Inspektur], ReportingLine.Superiors(Auditor, Positions));
    }

    [Fact]
    public void DirectReportHasOnlyTheTopAsSuperior()
    {
        Assert.Equal([Bupati], ReportingLine.Superiors(Sekda, Positions));
    }

    [Theory]
    [InlineData(Bupati)]
    [InlineData(Inspektur)]
    public void TheTopOfALineHasNoSuperiors(int top)
    {
        Assert.Empty(ReportingLine.Superiors(top, Positions));
    }

    [Fact]
    public void AnUnknownPositionHasNoSuperiors()
    {
        Assert.Empty(ReportingLine.Superiors(99, Positions));
        Assert.Empty(ReportingLine.Superiors(1, new Dictionary<int, int?>()));
    }

    [Fact]
    public void TheChainStopsAtASuperiorMissingFromTheData()
    {
        var superiorOf = new Dictionary<int, int?> { [1] = 2, [2] = 3 };

        Assert.Equal([2, 3], ReportingLine.Superiors(1, superiorOf));
    }

    [Fact]
    public void SuperiorsDoesNotIncludeThePositionItself()
    {
        Assert.DoesNotContain(Staf, ReportingLine.Superiors(Staf, Positions));
    }

    [Fact]
    public async Task ACycleBackToTheStartStopsWithoutHanging()
    {
        var superiorOf = new Dictionary<int, int?> { [1] = 2, [2] = 3, [3] = 1 };

        var chain = await RunWithTimeout(() => ReportingLine.Superiors(1, superiorOf));

        Assert.Equal([2, 3], chain);
    }

    [Fact]
    public async Task ACycleAboveTheStartStopsWithoutHanging()
    {
        var superiorOf = new Dictionary<int, int?> { [1] = 2, [2] = 3, [3] = 4, [4] = 2 };

        var chain = await RunWithTimeout(() => ReportingLine.Superiors(1, superiorOf));

        Assert.Equal([2, 3, 4], chain);
    }

    [Fact]
    public async Task APositionThatIsItsOwnSuperiorHasNoSuperiors()
    {
        var superiorOf = new Dictionary<int, int?> { [1] = 1 };

        var chain = await RunWithTimeout(() => ReportingLine.Superiors(1, superiorOf));

        Assert.Empty(chain);
    }

    [Fact]
    public void ALongLineIsWalkedWithoutRecursion()
    {
        const int Depth = 100_000;
        var superiorOf = new Dictionary<int, int?> { [0] = null };
        for (var i = 1; i <= Depth; i++)
        {
            superiorOf[i] = i - 1;
        }

        var chain = ReportingLine.Superiors(Depth, superiorOf);

        Assert.Equal(Depth, chain.Count);
        Assert.Equal(Depth - 1, chain[0]);
        Assert.Equal(0, chain[^1]);
    }

    [Fact]
    public void WorksWithGuidIds()
    {
        var top = Guid.NewGuid();
        var middle = Guid.NewGuid();
        var bottom = Guid.NewGuid();
        var superiorOf = new Dictionary<Guid, Guid?> { [top] = null, [middle] = top, [bottom] = middle };

        Assert.Equal([middle, top], ReportingLine.Superiors(bottom, superiorOf));
        Assert.True(ReportingLine.WouldCreateCycle(top, bottom, superiorOf));
        Assert.False(ReportingLine.WouldCreateCycle(bottom, top, superiorOf));
    }

    [Fact]
    public void MakingAPositionItsOwnSuperiorIsACycle()
    {
        Assert.True(ReportingLine.WouldCreateCycle(Sekda, Sekda, Positions));
        Assert.True(ReportingLine.WouldCreateCycle(42, 42, new Dictionary<int, int?>()));
    }

    [Theory]
    [InlineData(Sekda, KepalaDinas)] // a direct subordinate
    [InlineData(Sekda, Staf)] // a distant descendant
    [InlineData(Bupati, Staf)]
    [InlineData(KepalaDinas, Kabid)]
    [InlineData(Inspektur, Auditor)]
    public void MakingADescendantTheSuperiorIsACycle(int position, int newSuperior)
    {
        Assert.True(ReportingLine.WouldCreateCycle(position, newSuperior, Positions));
    }

    [Theory]
    [InlineData(Bupati)]
    [InlineData(Staf)]
    [InlineData(99)]
    public void RemovingTheSuperiorIsNeverACycle(int position)
    {
        Assert.False(ReportingLine.WouldCreateCycle(position, null, Positions));
    }

    [Theory]
    [InlineData(Staf, Kasubbag)] // the current superior
    [InlineData(Staf, Bupati)] // an ancestor further up
    [InlineData(Kabid, SekretarisDinas)] // a sibling branch
    [InlineData(Auditor, KepalaDinas)] // a different line
    [InlineData(Inspektur, Bupati)] // joining two lines at the top
    [InlineData(Bupati, Auditor)]
    [InlineData(99, Staf)] // a position not yet in the data
    [InlineData(Staf, 99)] // a superior not yet in the data
    public void MakingAnUnrelatedPositionTheSuperiorIsNotACycle(int position, int newSuperior)
    {
        Assert.False(ReportingLine.WouldCreateCycle(position, newSuperior, Positions));
    }

    [Fact]
    public async Task WouldCreateCycleDoesNotHangOnACycleElsewhereInTheData()
    {
        var superiorOf = new Dictionary<int, int?> { [1] = null, [2] = 3, [3] = 4, [4] = 2 };

        var result = await RunWithTimeout(() => ReportingLine.WouldCreateCycle(1, 2, superiorOf));

        Assert.False(result);
    }

    [Fact]
    public async Task WouldCreateCycleDetectsAPositionInsideAnExistingCycle()
    {
        var superiorOf = new Dictionary<int, int?> { [1] = 2, [2] = 3, [3] = 1 };

        var result = await RunWithTimeout(() => ReportingLine.WouldCreateCycle(1, 3, superiorOf));

        Assert.True(result);
    }

    private static Task<T> RunWithTimeout<T>(Func<T> action) =>
        Task.Run(action, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
}
