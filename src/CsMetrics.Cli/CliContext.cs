namespace CsMetrics.Cli;

/// <summary>
/// The streams a command reads and writes. Commands never touch <see cref="Console"/> directly, so
/// tests run them in-process with captured streams.
/// </summary>
/// <param name="In">Standard input (used when no <c>--input</c> file is given).</param>
/// <param name="Out">Standard output (used when no <c>--output</c> file is given).</param>
/// <param name="Error">Standard error: problems and progress.</param>
/// <param name="IsInteractive">True when standard error is a terminal, so progress may be drawn.</param>
internal sealed record CliContext(TextReader In, TextWriter Out, TextWriter Error, bool IsInteractive)
{
    public static CliContext FromConsole() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsErrorRedirected);
}
