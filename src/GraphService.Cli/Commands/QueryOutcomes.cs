using GraphService.Core.Queries;

namespace GraphService.Cli.Commands;

/// <summary>Turns the expected failures of a query into a message on stderr and an exit code.</summary>
internal static class QueryOutcomes
{
    public static async Task<int?> ReportFailureAsync<T>(CliConsole console, QueryOutcome<T> outcome)
    {
        switch (outcome)
        {
            case QueryOutcome<T>.Invalid invalid:
                foreach (var e in invalid.Errors)
                {
                    await console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                }

                return ExitCodes.InvalidInput;
            case QueryOutcome<T>.Unresolved { Resolution: Resolution.Ambiguous a } u:
                await console.Error.WriteLineAsync($"error: '{a.Text}' ({u.Parameter}) is ambiguous; did you mean one of: {Names(a.Candidates)}").ConfigureAwait(false);
                return ExitCodes.NothingFound;
            case QueryOutcome<T>.Unresolved { Resolution: Resolution.NotFound n } u:
                var hint = n.Suggestions.Count > 0 ? $"; closest: {Names(n.Suggestions)}" : string.Empty;
                await console.Error.WriteLineAsync($"error: no entity is known as '{n.Text}' ({u.Parameter}){hint}").ConfigureAwait(false);
                return ExitCodes.NothingFound;
            default:
                return null;
        }
    }

    private static string Names(IEnumerable<NodeView> nodes) => string.Join(", ", nodes.Select(n => $"{n.Name} [{n.Id}]"));
}
