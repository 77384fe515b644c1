namespace GraphService.Core.Domain;

/// <summary>A curated person, organization, place or event. The id is a kebab-case slug taken from the corpus.</summary>
public sealed record Entity(
    string Id,
    EntityType Type,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Description);
