using System.Text.RegularExpressions;

namespace GraphService.Core.Domain;

/// <summary>One document as origin counting sees it: who published it and what it says it is derived from.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="Publisher">Its publisher (compared ignoring case).</param>
/// <param name="DerivedFrom">Document ids of the corpus, or free-text origin keys (see <see cref="IndependentOrigins.IsDocumentReference"/>).</param>
public sealed record DocumentOrigin(string DocumentId, string Publisher, IReadOnlyList<string> DerivedFrom);

/// <summary>
/// The rule for independent origins (docs/corpus-format.md, "Corroboration"). Two documents share an origin when they are
/// connected, directly or through other documents, by a shared publisher (compared ignoring case), by one naming the
/// other in <c>derived_from</c>, or by both naming the same origin key (compared ignoring case and whitespace runs).
/// The origins of a set of documents are the connected components they fall into: derivation is transitive and a cycle
/// of derivations is simply one origin. A union-find over documents, publishers and origin keys computes them.
/// </summary>
public sealed partial class IndependentOrigins
{
    private readonly Dictionary<string, int> _node = new(StringComparer.Ordinal);
    private readonly List<int> _parent = [];

    private IndependentOrigins()
    {
    }

    /// <summary>The origins of a corpus's documents. Unknown document ids in <c>derived_from</c> are origin nodes of their own.</summary>
    public static IndependentOrigins Of(IEnumerable<DocumentOrigin> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var origins = new IndependentOrigins();
        foreach (var d in documents)
        {
            var self = origins.NodeOf(DocumentNode(d.DocumentId));
            origins.Union(self, origins.NodeOf("publisher:" + d.Publisher.Trim().ToUpperInvariant()));
            foreach (var item in d.DerivedFrom)
            {
                origins.Union(self, origins.NodeOf(IsDocumentReference(item) ? DocumentNode(item.Trim()) : "key:" + OriginKey(item)));
            }
        }

        return origins;
    }

    /// <summary>How many independent origins the documents <paramref name="documentIds"/> have between them.</summary>
    public int Count(IEnumerable<string> documentIds) =>
        documentIds.Select(id => Find(NodeOf(DocumentNode(id)))).Distinct().Count();

    /// <summary>True when the two documents share an origin.</summary>
    public bool Share(string documentA, string documentB) =>
        Find(NodeOf(DocumentNode(documentA))) == Find(NodeOf(DocumentNode(documentB)));

    /// <summary>
    /// A <c>derived_from</c> item written as an id (a kebab-case slug such as <c>wapo-khazali-interrogations</c>) names a
    /// document of the corpus; anything else (with a capital letter, a space or punctuation) is a free-text origin key.
    /// </summary>
    public static bool IsDocumentReference(string item) => Slug().IsMatch(item.Trim());

    /// <summary>An origin key as compared: trimmed, whitespace runs as one space, ignoring case.</summary>
    public static string OriginKey(string text) => Whitespace().Replace(text.Trim(), " ").ToUpperInvariant();

    private static string DocumentNode(string id) => "document:" + id;

    private int NodeOf(string key)
    {
        if (!_node.TryGetValue(key, out var node))
        {
            node = _parent.Count;
            _node[key] = node;
            _parent.Add(node);
        }

        return node;
    }

    private int Find(int node)
    {
        while (_parent[node] != node)
        {
            _parent[node] = _parent[_parent[node]];
            node = _parent[node];
        }

        return node;
    }

    private void Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb)
        {
            _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
