namespace GraphService.Storage.Neo4j.Http;

/// <summary>A node as the Query API returns it; property values are already converted (string, long, double, bool, lists, maps).</summary>
internal sealed record CypherNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);

internal sealed record CypherRelationship(
    string ElementId,
    string StartNodeElementId,
    string EndNodeElementId,
    string Type,
    IReadOnlyDictionary<string, object?> Properties);

/// <summary>A path: nodes and relationships alternating, starting and ending with a node.</summary>
internal sealed record CypherPath(IReadOnlyList<CypherNode> Nodes, IReadOnlyList<CypherRelationship> Relationships);

/// <summary>A typed value this adapter does not convert (dates, durations, points): its type name and text as sent.</summary>
internal sealed record CypherOtherValue(string Type, string Text);
