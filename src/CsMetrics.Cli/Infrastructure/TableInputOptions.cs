using System.CommandLine;
using System.Text;
using CsMetrics.Data;

namespace CsMetrics.Cli;

/// <summary>
/// <c>--delimiter</c>, <c>--decimal-comma</c> and <c>--encoding</c>: how table input is read. The defaults
/// are strict (comma, '.' decimals, UTF-8 checked); a European or Windows export is read only when the user
/// says so, never guessed.
/// </summary>
internal sealed class TableInputOptions
{
    public Option<string> Delimiter { get; } = new("--delimiter")
    {
        Description = "CSV delimiter: one character, e.g. ';' (or 'tab'). Default ','.",
        DefaultValueFactory = _ => ",",
    };

    public Option<bool> DecimalComma { get; } = new("--decimal-comma")
    {
        Description = "Numbers in CSV cells use ',' for decimals (2,8 is 2.8; '.' is then an error). Needs --delimiter other than ','.",
    };

    public Option<string?> Encoding { get; } = new("--encoding")
    {
        Description = "Input encoding, e.g. windows-1252 (Excel's CSV export) or iso-8859-1. Default utf-8, checked: bytes that are not UTF-8 are an error.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Delimiter);
        command.Options.Add(DecimalComma);
        command.Options.Add(Encoding);
    }

    /// <summary>The reader options the command line asks for; a bad option value is an input problem.</summary>
    public TableReadOptions Read(ParseResult parse)
    {
        var problems = new InputProblems();
        string text = parse.GetValue(Delimiter) ?? ",";
        char delimiter = text.Equals("tab", StringComparison.OrdinalIgnoreCase) || text == "\\t" ? '\t' : text.Length == 1 ? text[0] : '\0';
        if (delimiter == '\0')
        {
            problems.Add("--delimiter", null, null, $"'{text}' is not one character (use e.g. ';' or tab)");
        }
        Encoding? encoding = null;
        if (parse.GetValue(Encoding) is string name)
        {
            try
            {
                encoding = TableReadOptions.GetEncoding(name);
            }
            catch (ArgumentException ex)
            {
                problems.Add("--encoding", null, null, InputException.FromArgument("--encoding", ex).Problems[0].Message);
            }
        }
        problems.ThrowIfAny();
        var options = new TableReadOptions { Delimiter = delimiter, DecimalComma = parse.GetValue(DecimalComma), Encoding = encoding };
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            string option = ex.ParamName == nameof(TableReadOptions.DecimalComma) ? "--decimal-comma" : "--delimiter";
            throw InputException.FromArgument(option, ex);
        }
        return options;
    }
}
