using GraphService.Core.Domain;

namespace GraphService.Core.Store;

/// <summary>
/// What drafting claims from one stored document reads (GraphService.Corpus.Drafting), and nothing more of the graph:
/// the document with its text; every entity, in the order the corpus declared them, because mention finding looks for
/// all their names and aliases (descriptions are left out, null: drafting reads none); and the claims the graph holds
/// between two entities the document mentions (as the import found its mentions), because drafting pairs only entities
/// it finds in the document and marks a suggestion the graph already has as existing.
/// </summary>
public sealed record DraftingSource(string GraphVersion, SourceDocument Document, IReadOnlyList<Entity> Entities, IReadOnlyList<ClaimTriple> Claims);

/// <summary>A claim as drafting compares it: which entity, which relationship type, which entity.</summary>
public sealed record ClaimTriple(string StartId, string Type, string EndId);
