namespace GraphService.Core.Domain;

/// <summary>An occurrence of an entity's name or alias in a document: <c>Body[Start..End]</c> is the matched text.</summary>
public sealed record Mention(string EntityId, string DocumentId, int Start, int End);
