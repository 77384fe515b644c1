namespace GraphService.Core.Domain;

/// <summary>The kinds of entity a corpus may declare.</summary>
public enum EntityType
{
    Person,
    Organization,
    Place,
    Event,
}
