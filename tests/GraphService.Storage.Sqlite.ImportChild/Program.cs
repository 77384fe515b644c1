using GraphService.Storage.Sqlite;
using GraphService.Testing;

// Usage: ImportChild STORE_FILE VARIANT ENTITIES MARKER_FILE
// Builds SyntheticGraph(VARIANT, ENTITIES), creates MARKER_FILE when the store starts writing (a file, not a line on
// stdout, so no pipe buffering can delay the signal), and exits 0 once the import returned. The crash tests kill this
// process at random moments in between.
if (args.Length != 4 || !int.TryParse(args[2], out var entities))
{
    await Console.Error.WriteLineAsync("usage: ImportChild STORE_FILE VARIANT ENTITIES MARKER_FILE");
    return 2;
}

var graph = SyntheticGraph.Build(args[1], entities);
using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = args[0] });
await File.WriteAllTextAsync(args[3], "writing");
await store.ReplaceGraphAsync(graph, CancellationToken.None);
return 0;
