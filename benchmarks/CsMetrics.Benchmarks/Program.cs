using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;
using CsMetrics.Benchmarks;

// Full runs: dotnet run -c Release --project benchmarks/CsMetrics.Benchmarks -- --filter '*Nps*'
// CI smoke:  dotnet run -c Release --project benchmarks/CsMetrics.Benchmarks -- --smoke
//   (--smoke runs every benchmark once, in-process, on small inputs: it proves they run, not how fast.)
// Docs:      -- --quick --job short --inProcess --filter '*' --markdown docs/benchmarks-results.md
//   (--quick skips sizes above ten million; --markdown writes the run's ratio tables.)
// Held-out evaluation (docs/forecasting.md): -- --holdout benchmarks/holdout
if (args is ["--holdout", var holdoutFolder, ..])
{
    return CsMetrics.Benchmarks.Forecasting.HoldoutEvaluation.Run(holdoutFolder);
}
var smoke = args.Contains("--smoke");
BenchmarkSizes.Smoke = smoke;
BenchmarkSizes.Quick = args.Contains("--quick");
var rest = args.Where(a => a is not ("--smoke" or "--quick")).ToList();
string? markdown = null;
int markdownAt = rest.IndexOf("--markdown");
if (markdownAt >= 0 && markdownAt + 1 < rest.Count)
{
    markdown = rest[markdownAt + 1];
    rest.RemoveRange(markdownAt, 2);
}
if (smoke)
{
    rest.AddRange(["--filter", "*", "--job", "Dry", "--inProcess"]);
}
var config = DefaultConfig.Instance
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(JsonExporter.Full);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkSizes).Assembly).Run(rest.ToArray(), config).ToList();
if (markdown is not null)
{
    File.WriteAllText(markdown, MarkdownSummary.Render(summaries));
    Console.WriteLine($"Wrote {markdown}");
}
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
