using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace CsMetrics.Benchmarks;

/// <summary>
/// Writes the results of a run as one markdown document: per benchmark class and parameter set, each
/// method's mean time, its ratio to the class's baseline method (<c>[Benchmark(Baseline = true)]</c>)
/// and the bytes it allocates per operation. This is the source of <c>docs/benchmarks.md</c>.
/// </summary>
public static class MarkdownSummary
{
    public static string Render(IEnumerable<Summary> summaries)
    {
        var text = new StringBuilder();
        var all = summaries.ToList();
        var host = all.FirstOrDefault()?.HostEnvironmentInfo;
        if (host is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Measured with BenchmarkDotNet {host.BenchmarkDotNetVersion} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, {host.RuntimeVersion}.");
            text.AppendLine();
        }
        foreach (var group in all.SelectMany(s => s.Reports).GroupBy(r => r.BenchmarkCase.Descriptor.Type))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"### {group.Key.Name}");
            text.AppendLine();
            text.AppendLine("| method | parameters | mean | ratio to baseline | allocated |");
            text.AppendLine("| --- | --- | ---: | ---: | ---: |");
            foreach (var byParameters in group.GroupBy(r => r.BenchmarkCase.Parameters.DisplayInfo))
            {
                var baseline = byParameters.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline)?.ResultStatistics?.Mean;
                foreach (var report in byParameters)
                {
                    double? mean = report.ResultStatistics?.Mean;
                    string ratio = mean is > 0 && baseline is > 0 ? (mean.Value / baseline.Value).ToString("G3", CultureInfo.InvariantCulture) : "";
                    string name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name + (report.BenchmarkCase.Descriptor.Baseline ? " (baseline)" : "");
                    long bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {name} | {byParameters.Key} | {FormatTime(mean)} | {ratio} | {(bytes < 0 ? "" : FormatBytes(bytes))} |");
                }
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string FormatTime(double? nanoseconds) => nanoseconds switch
    {
        null => "failed",
        < 1e3 => $"{nanoseconds.Value.ToString("0.##", CultureInfo.InvariantCulture)} ns",
        < 1e6 => $"{(nanoseconds.Value / 1e3).ToString("0.##", CultureInfo.InvariantCulture)} µs",
        < 1e9 => $"{(nanoseconds.Value / 1e6).ToString("0.##", CultureInfo.InvariantCulture)} ms",
        _ => $"{(nanoseconds.Value / 1e9).ToString("0.##", CultureInfo.InvariantCulture)} s",
    };

    private static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture)} MB",
    };
}
