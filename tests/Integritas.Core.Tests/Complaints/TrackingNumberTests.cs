using Integritas.Core.Complaints;

namespace Integritas.Core.Tests.Complaints;

public sealed class TrackingNumberTests
{
    [Fact]
    public void New_numbers_are_two_groups_of_four_crockford_characters_and_read_back_unchanged()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < 2000; i++)
        {
            var number = TrackingNumber.New();
            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", number);
            Assert.True(TrackingNumber.TryNormalize(number, out var read));
            Assert.Equal(number, read);
            seen.Add(number);
        }

        // 40 random bits: two thousand draws colliding would mean the generator is broken.
        Assert.Equal(2000, seen.Count);
    }

    [Theory]
    [InlineData("k7q3m9xd", "K7Q3-M9XD")]
    [InlineData(" K7Q3 M9XD ", "K7Q3-M9XD")]
    [InlineData("O1LI-ABCD", "0111-ABCD")]
    public void Typed_numbers_are_folded_back(string typed, string expected)
    {
        Assert.True(TrackingNumber.TryNormalize(typed, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7Q3-M9X")]
    [InlineData("K7Q3-M9XDE")]
    [InlineData("K7Q3-M9XU")]
    [InlineData("<script>")]
    public void Anything_else_is_not_a_tracking_number(string? typed)
    {
        Assert.False(TrackingNumber.TryNormalize(typed, out _));
    }
}
