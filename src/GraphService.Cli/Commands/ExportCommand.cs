using System.CommandLine;
using GraphService.Core.Domain;
using GraphService.Core.Progress;
using GraphService.Core.Store;
using GraphService.Reports;
using GraphService.Storage.Neo4j.Export;
using Microsoft.Extensions.DependencyInjection;

namespace GraphService.Cli.Commands;

/// <summary>
/// <c>export --format neo4j-admin|cypher|graphml --out PATH</c>: the whole stored graph, for bulk loading into Neo4j
/// (neo4j-admin CSV files, or an idempotent Cypher script) or for Gephi and yEd (GraphML).
/// </summary>
public static class ExportCommand
{
    private static readonly string[] Formats = ["neo4j-admin", "cypher", "graphml"];

    public static Command Create(CliConsole console, Func<ParseResult, ServiceProvider> services)
    {
        var format = new Option<string>("--format") { Description = "neo4j-admin (a folder of CSV files), cypher (a script) or graphml (a file)", Required = true };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string>("--out") { Description = "The folder (neo4j-admin) or file to write", Required = true };
        var command = new Command("export", "Write the whole graph for neo4j-admin import, cypher-shell, Gephi or yEd") { format, output };
        command.SetAction(async (result, ct) =>
        {
            await using var sp = services(result);
            var target = console.FullPath(result.GetValue(output)!);
            var written = await console.Progress(result).RunAsync(progress => WriteAsync(sp.GetRequiredService<IGraphStore>(), result.GetValue(format)!, target, progress, ct)).ConfigureAwait(false);
            await console.Out.WriteLineAsync(written).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Writes the stored graph, read in passes within one consistent read (<see cref="IGraphStore.ReadGraphAsync"/>), so
    /// that the graph is never held whole; returns the line to print. Progress counts the rows read, in every pass that
    /// reads them, then the files written.
    /// </summary>
    private static async Task<string> WriteAsync(IGraphStore store, string format, string target, IProgress<WorkProgress>? progress, CancellationToken ct)
    {
        string? written = null;
        var found = await store.ReadGraphAsync(
            async (stored, token) =>
            {
                var rows = new ProgressCounter(progress, "rows read");
                var graph = stored with
                {
                    Entities = Counted(stored.Entities, rows),
                    Documents = Counted(stored.Documents, rows),
                    Relationships = Counted(stored.Relationships, rows),
                    Mentions = Counted(stored.Mentions, rows),
                };
                var files = new ProgressCounter(progress, "files written", every: 1);
                try
                {
                    written = await WriteAsync(graph, format, target, files, token).ConfigureAwait(false);
                }
                finally
                {
                    rows.Complete();
                    files.Complete();
                }
            },
            ct).ConfigureAwait(false);
        return found ? written! : throw new GraphStoreUnavailableException("the store is empty; import a corpus first");
    }

    private static async Task<string> WriteAsync(GraphContent graph, string format, string target, ProgressCounter files, CancellationToken ct)
    {
        switch (format)
        {
            case "neo4j-admin":
                await new Neo4jAdminExporter().WriteAsync(graph, target, ct).ConfigureAwait(false);
                files.Add(Neo4jAdminExporter.NodeFiles.Count + Neo4jAdminExporter.RelationshipFiles.Count + 1);
                return $"wrote {Neo4jAdminExporter.NodeFiles.Count + Neo4jAdminExporter.RelationshipFiles.Count} CSV files and README.txt (the neo4j-admin command) to {target}";
            case "cypher":
                await new CypherScriptExporter().WriteAsync(graph, target, ct).ConfigureAwait(false);
                files.Add();
                return $"wrote a Cypher script of graph {graph.Version} to {target}";
            default:
                await GraphMlWriter.WriteAsync(graph, target, ct).ConfigureAwait(false);
                files.Add();
                return $"wrote GraphML of graph {graph.Version} to {target}";
        }
    }

    private static IEnumerable<T> Counted<T>(IEnumerable<T> rows, ProgressCounter counter)
    {
        foreach (var row in rows)
        {
            counter.Add();
            yield return row;
        }
    }
}
