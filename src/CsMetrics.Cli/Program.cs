using CsMetrics.Cli;

return CliApp.Run(args, CliContext.FromConsole());
