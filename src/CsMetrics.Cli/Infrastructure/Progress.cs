namespace CsMetrics.Cli;

/// <summary>
/// Stage progress on standard error: a spinner with the stage name while it runs and a tick with its
/// duration when it ends, only when standard error is a terminal. Redirected output stays quiet.
/// </summary>
internal sealed class Progress
{
    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly CliContext _context;

    public Progress(CliContext context)
    {
        _context = context;
    }

    /// <summary>Runs <paramref name="work"/> as a named stage and returns its result.</summary>
    public T Stage<T>(string name, Func<T> work)
    {
        if (!_context.IsInteractive)
        {
            return work();
        }
        var started = DateTime.UtcNow;
        int frame = 0;
        var gate = new object();
        void Draw(object? _)
        {
            lock (gate)
            {
                _context.Error.Write($"\r{Frames[frame++ % Frames.Length]} {name}... {(DateTime.UtcNow - started).TotalSeconds:0.0} s ");
                _context.Error.Flush();
            }
        }
        using (var timer = new Timer(Draw, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100)))
        {
            try
            {
                return work();
            }
            finally
            {
                timer.Change(Timeout.Infinite, Timeout.Infinite);
                lock (gate)
                {
                    _context.Error.WriteLine($"\r✓ {name} ({(DateTime.UtcNow - started).TotalSeconds:0.0} s)      ");
                }
            }
        }
    }
}
