using System.Globalization;
using System.Text;

namespace CsMetrics.Queueing;

/// <summary>
/// Queue metrics across a range of team sizes, one row per agent count: the table planners read to
/// see what each extra agent buys. Immutable and thread-safe.
/// </summary>
public sealed class ServiceLevelTable
{
    private readonly QueueMetrics[] _rows;

    internal ServiceLevelTable(QueueMetrics[] rows)
    {
        _rows = rows;
    }

    /// <summary>The rows, in increasing agents.</summary>
    public IReadOnlyList<QueueMetrics> Rows => _rows;

    /// <summary>A compact table: agents, service level, wait probability, ASA, occupancy, abandonment.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (_rows.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{_rows[0].Traffic:G6} Erlangs, answered within {_rows[0].AnswerWithinSeconds:G6} s\n");
        }
        text.Append("agents  service_level  wait_prob   asa_s       occupancy  abandon\n");
        foreach (var row in _rows)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{row.Agents,6:G6}  {row.ServiceLevel,13:F6}  {row.WaitProbability,9:F6}  {row.AverageSpeedOfAnswerSeconds,10:G6}  {row.Occupancy,9:F6}  {row.AbandonProbability,7:F6}\n");
        }
        return text.ToString();
    }
}
