using CsMetrics.Cli;

namespace CsMetrics.Tests.Cli;

public class TextChartsTests
{
    [Fact]
    public void Sparkline_maps_zero_to_space_and_the_maximum_to_a_full_bar()
    {
        Assert.Equal(" ▁▄█", TextCharts.Sparkline([0, 1, 4, 8]));
        Assert.Equal(" ▁▂▄", TextCharts.Sparkline([0, 1, 2, 4], max: 8));
    }

    [Fact]
    public void Heat_row_uses_four_shades_above_zero()
    {
        Assert.Equal(" ░▒▓█", TextCharts.HeatRow([0, 1, 2, 3, 4]));
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Sparkline_has_one_character_per_value_and_is_monotone(FsCheck.NonNegativeInt[] raw)
    {
        var values = raw.Select(v => (double)v.Get).ToArray();
        var line = TextCharts.Sparkline(values);
        var order = " ▁▂▃▄▅▆▇█";
        for (int i = 0; i < values.Length; i++)
        {
            for (int j = 0; j < values.Length; j++)
            {
                if (values[i] < values[j] && order.IndexOf(line[i]) > order.IndexOf(line[j]))
                {
                    return false;
                }
            }
        }
        return line.Length == values.Length;
    }
}
