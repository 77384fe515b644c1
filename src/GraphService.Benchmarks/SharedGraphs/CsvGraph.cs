using System.Globalization;
using System.Security.Cryptography;
using GraphService.Core.Domain;

namespace GraphService.Benchmarks.SharedGraphs;

/// <summary>
/// A graph as gen-graph.js writes it (../shared/bench): nodes.csv <c>id,label,name</c> with ids 0..N-1, and rels.csv
/// <c>src,dst,type,citation</c> (parallel relationships allowed), held in flat arrays. Relationship r is line r+2 of
/// rels.csv. Bad input is refused with the file, the line and what is wrong.
/// </summary>
internal sealed class CsvGraph
{
    public const string NodesFile = "nodes.csv";
    public const string RelationshipsFile = "rels.csv";

    private static readonly string[] EntityTypeNames = Enum.GetNames<EntityType>();
    private static readonly EntityType[] EntityTypeValues = Enum.GetValues<EntityType>();

    private CsvGraph(int nodeCount, EntityType[]? labels, string[]? names, int[] source, int[] target, byte[] type, int[] citation, string[] typeNames)
    {
        NodeCount = nodeCount;
        Labels = labels;
        Names = names;
        Source = source;
        Target = target;
        Type = type;
        Citation = citation;
        TypeNames = typeNames;
    }

    public int NodeCount { get; }

    /// <summary>Null unless read with entities (the reference search needs only the structure).</summary>
    public EntityType[]? Labels { get; }

    public string[]? Names { get; }

    public int[] Source { get; }

    public int[] Target { get; }

    /// <summary>Index into <see cref="TypeNames"/>.</summary>
    public byte[] Type { get; }

    /// <summary>The source-document number of the relationship's one citation (1..ceil(rels/4) in gen-graph.js).</summary>
    public int[] Citation { get; }

    /// <summary>Relationship types in order of first appearance.</summary>
    public string[] TypeNames { get; }

    public int RelationshipCount => Source.Length;

    /// <summary>The graph's identity: a hash of nodes.csv and rels.csv, used as the store's graph version.</summary>
    public static string VersionOf(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        foreach (var file in new[] { NodesFile, RelationshipsFile })
        {
            using var stream = File.OpenRead(Path.Combine(directory, file));
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return "gen-graph-" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    public static CsvGraph Read(string directory, bool withEntities)
    {
        var nodesPath = Path.Combine(directory, NodesFile);
        var relsPath = Path.Combine(directory, RelationshipsFile);
        var nodeCount = CsvLines.CountDataLines(nodesPath);
        var labels = withEntities ? new EntityType[nodeCount] : null;
        var names = withEntities ? new string[nodeCount] : null;
        var seen = new bool[nodeCount];
        Span<Range> fields = stackalloc Range[5];
        foreach (var (line, number) in CsvLines.Read(nodesPath, "id,label,name"))
        {
            // The name is the rest of the line, commas included.
            CsvLines.Split(line, fields[..3], 3, nodesPath, number);
            var node = CsvLines.NodeId(line.AsSpan(fields[0]), nodeCount, nodesPath, number);
            if (seen[node])
            {
                throw new BenchInputException(nodesPath, number, $"node id {node} occurs twice");
            }

            seen[node] = true;
            if (withEntities)
            {
                var label = line.AsSpan(fields[1]);
                var entityType = IndexOf(EntityTypeNames, label);
                if (entityType < 0)
                {
                    throw new BenchInputException(nodesPath, number, $"label '{label}' is not an entity type ({string.Join(", ", EntityTypeNames)})");
                }

                labels![node] = EntityTypeValues[entityType];
                names![node] = line.AsSpan(fields[2]).Trim().ToString();
                if (names[node].Length == 0)
                {
                    throw new BenchInputException(nodesPath, number, $"node {node} has an empty name");
                }
            }
        }

        var relationshipCount = CsvLines.CountDataLines(relsPath);
        var source = new int[relationshipCount];
        var target = new int[relationshipCount];
        var type = new byte[relationshipCount];
        var citation = new int[relationshipCount];
        var typeNames = new List<string>();
        var typeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var typeLookup = typeIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        var r = 0;
        foreach (var (line, number) in CsvLines.Read(relsPath, "src,dst,type,citation"))
        {
            CsvLines.Split(line, fields, 4, relsPath, number);
            var typeName = line.AsSpan(fields[2]);
            var cited = line.AsSpan(fields[3]);
            source[r] = CsvLines.NodeId(line.AsSpan(fields[0]), nodeCount, relsPath, number);
            target[r] = CsvLines.NodeId(line.AsSpan(fields[1]), nodeCount, relsPath, number);
            if (source[r] == target[r])
            {
                throw new BenchInputException(relsPath, number, $"relationship from node {source[r]} to itself (gen-graph.js writes no self-loops)");
            }

            if (!typeLookup.TryGetValue(typeName, out var t))
            {
                var name = typeName.ToString();
                if (!PredicateVocabulary.IsWellFormedType(name))
                {
                    throw new BenchInputException(relsPath, number, $"relationship type '{name}' is not of the form UPPER_SNAKE_CASE");
                }

                if (typeNames.Count == byte.MaxValue + 1)
                {
                    throw new BenchInputException(relsPath, number, "more than 256 relationship types");
                }

                t = typeNames.Count;
                typeNames.Add(name);
                typeIndex[name] = t;
            }

            type[r] = (byte)t;
            if (!int.TryParse(cited, NumberStyles.None, CultureInfo.InvariantCulture, out citation[r]) || citation[r] < 1)
            {
                throw new BenchInputException(relsPath, number, $"citation '{cited}' is not a positive whole number");
            }

            r++;
        }

        return new CsvGraph(nodeCount, labels, names, source, target, type, citation, [.. typeNames]);
    }

    private static int IndexOf(string[] names, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (text.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Line-by-line reading of the generator's plain CSV (no quoting), with the file and line of every problem.</summary>
internal static class CsvLines
{
    public static int CountDataLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new BenchInputException(path, 0, "file not found (write it with: node gen-graph.js --nodes N --rels M --seed 42 --out DIR)");
        }

        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        long lines = 0;
        int read;
        var last = (byte)'\n';
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        if (last != '\n')
        {
            lines++;
        }

        return (int)Math.Max(0, lines - 1);
    }

    /// <summary>The data lines of <paramref name="path"/> with their 1-based line numbers, after checking the header.</summary>
    public static IEnumerable<(string Line, int Number)> Read(string path, string header)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var first = reader.ReadLine();
        if (first != header)
        {
            throw new BenchInputException(path, 1, $"expected the header '{header}', found '{first}'");
        }

        var number = 1;
        while (reader.ReadLine() is string line)
        {
            number++;
            if (line.Contains('"', StringComparison.Ordinal))
            {
                throw new BenchInputException(path, number, "quoted fields are not supported (gen-graph.js writes none)");
            }

            yield return (line, number);
        }
    }

    /// <summary>Splits <paramref name="line"/> into exactly <paramref name="count"/> fields (the last takes the rest when <paramref name="fields"/> has no room for more).</summary>
    public static void Split(ReadOnlySpan<char> line, Span<Range> fields, int count, string path, int number)
    {
        var found = line.Split(fields, ',');
        if (found != count)
        {
            throw new BenchInputException(path, number, $"expected {count} comma-separated fields, found {(found > count ? "more" : found.ToString(CultureInfo.InvariantCulture))}");
        }
    }

    public static int NodeId(ReadOnlySpan<char> text, int nodeCount, string path, int number)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= nodeCount)
        {
            throw new BenchInputException(path, number, $"node id '{text}' is not a whole number below the node count {nodeCount} (ids are 0..N-1)");
        }

        return id;
    }
}
