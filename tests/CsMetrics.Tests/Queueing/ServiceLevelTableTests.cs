using CsMetrics.Queueing;

namespace CsMetrics.Tests.Queueing;

public class ServiceLevelTableTests
{
    [Fact]
    public void Prints_one_line_per_team_size_under_a_header()
    {
        var queue = new ContactQueue(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(120));
        var table = queue.ServiceLevelTable(100, TimeSpan.FromSeconds(20), 8, 16);
        var lines = table.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(2 + 9, lines.Length);
        Assert.StartsWith("10 Erlangs, answered within 20 s", lines[0]);
        Assert.StartsWith("agents", lines[1]);
        Assert.StartsWith("     8", lines[2]);
        Assert.StartsWith("    16", lines[^1]);
        for (int i = 1; i < table.Rows.Count; i++)
        {
            Assert.True(table.Rows[i].AbandonProbability < table.Rows[i - 1].AbandonProbability);
        }
    }
}
