using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Core.Store;

/// <summary>
/// What drafting claims from one stored document reads (GraphService.Corpus.Drafting), and nothing more of the graph:
/// the document with its text; its mentions as the import found them (every name and alias of every entity, looked for
/// in the stored text), in document order; the entities those mentions name; the claims the graph holds between two of
/// them, because drafting pairs only entities it finds in the document and marks a suggestion the graph already has as
/// existing; and the graph's names, which tell drafting whether a repeated proper name is already some entity's.
/// Nothing in it grows with the graph: drafting from a document costs what the document holds.
/// </summary>
public sealed record DraftingSource(
    string GraphVersion,
    SourceDocument Document,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<NodeView> Entities,
    IReadOnlyList<ClaimTriple> Claims,
    IGraphNames Names);

/// <summary>A claim as drafting compares it: which entity, which relationship type, which entity.</summary>
public sealed record ClaimTriple(string StartId, string Type, string EndId);
