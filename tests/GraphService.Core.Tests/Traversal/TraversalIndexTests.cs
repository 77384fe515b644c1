using GraphService.Core.Domain;
using GraphService.Core.Traversal;
using GraphService.Testing.Conformance;
using Xunit;

namespace GraphService.Core.Tests.Traversal;

public sealed class TraversalIndexTests
{
    private static readonly TraversalIndex Index = TraversalIndex.FromSnapshot(ConformanceGraph.Snapshot);

    [Fact]
    public void Relationships_are_indexed_in_ordinal_id_order()
    {
        Assert.Equal(ConformanceGraph.Snapshot.Relationships.Select(r => r.Id).Order(StringComparer.Ordinal), Index.RelationshipIds);
    }

    [Fact]
    public void Entities_are_indexed_in_ordinal_id_order_with_their_own_names()
    {
        Assert.Equal(ConformanceGraph.Snapshot.Entities.Select(e => e.Id).Order(StringComparer.Ordinal), Index.EntityIds);
        var ameri = Index.EntityIndexOf(ConformanceGraph.Ameri);
        Assert.Equal("Hadi al-Ameri", Index.EntityNames[ameri]);
        Assert.Equal(["Ameri"], Index.EntityAliases[ameri]);
        var r04 = Index.RelationshipIndexOf("r04");
        Assert.Equal((ConformanceGraph.Ameri, ConformanceGraph.Badr), (Index.EntityIds[Index.RelationshipStart[r04]], Index.EntityIds[Index.RelationshipEnd[r04]]));
    }

    [Fact]
    public void The_adjacency_holds_every_relationship_once_at_each_end_grouped_by_neighbour_strongest_first()
    {
        var ameri = Index.EntityIndexOf(ConformanceGraph.Ameri);
        var slots = Enumerable.Range(Index.AdjacencyOffsets[ameri], Index.AdjacencyOffsets[ameri + 1] - Index.AdjacencyOffsets[ameri]).ToList();
        var entries = slots.Select(s => (Neighbour: Index.EntityIds[Index.LinkNeighbor[s]], Id: Index.RelationshipIds[Index.LinkEntry[s] >> 1], Incoming: (Index.LinkEntry[s] & 1) == 1)).ToList();

        Assert.Equal(2 * Index.RelationshipCount, Index.LinkNeighbor.Length);
        Assert.Equal(
            [
                (ConformanceGraph.Badr, "r04", false),
                (ConformanceGraph.Khazali, "r11", true),
                (ConformanceGraph.Suleimani, "r10", false),
                (ConformanceGraph.Suleimani, "r09", false),
            ],
            entries);
    }

    [Fact]
    public void The_adjacency_by_strength_lists_neighbours_strongest_first_then_by_id()
    {
        var hub = Index.EntityIndexOf(ConformanceGraph.Hub);
        var slots = Enumerable.Range(Index.AdjacencyOffsets[hub], Index.AdjacencyOffsets[hub + 1] - Index.AdjacencyOffsets[hub]);

        // r08 (3, 0.9), r06 (2, 0.7), r07 (1, 0.6), r12 (1, 0.5).
        Assert.Equal(["r08", "r06", "r07", "r12"], slots.Select(s => Index.RelationshipIds[Index.StrengthEntry[s] >> 1]));
        Assert.Equal([ConformanceGraph.Kh, ConformanceGraph.Badr, ConformanceGraph.Aah, ConformanceGraph.Munoz], slots.Select(s => Index.EntityIds[Index.StrengthNeighbor[s]]));
    }

    [Fact]
    public void Relationship_ids_are_found_by_id_and_unknown_ids_are_not()
    {
        Assert.Equal("r11", Index.RelationshipIds[Index.RelationshipIndexOf("r11")]);
        Assert.Equal(-1, Index.RelationshipIndexOf("r115"));
        Assert.Equal(-1, Index.EntityIndexOf("nobody"));
    }

    [Fact]
    public void Dates_become_day_numbers_of_their_widest_meaning()
    {
        var r09 = Index.RelationshipIndexOf("r09");

        Assert.Equal(new DateOnly(2014, 6, 1).DayNumber, Index.RelationshipSince[r09]);
        Assert.Equal(new DateOnly(2014, 6, 30).DayNumber, Index.RelationshipUntil[r09]);
        Assert.Equal(TraversalIndex.OpenUntil, Index.RelationshipUntil[Index.RelationshipIndexOf("r04")]);
    }

    [Fact]
    public void A_relationship_to_an_unknown_entity_is_refused()
    {
        var builder = new TraversalIndexBuilder();
        builder.AddEntity("a", EntityType.Person, "A", []);

        var failure = Assert.Throws<ArgumentException>(() => builder.AddRelationship("r", "LEADS", "a", "b", null, null, 0.5, 1, false));
        Assert.Contains("'b'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var builder = new TraversalIndexBuilder();
        builder.AddEntity("a", EntityType.Person, "A", []);
        Assert.Throws<ArgumentException>(() => builder.AddEntity("a", EntityType.Person, "A again", []));

        builder.AddRelationship("r", "LEADS", "a", "a", null, null, 0.5, 1, false);
        builder.AddRelationship("r", "LEADS", "a", "a", null, null, 0.5, 1, false);
        Assert.Throws<ArgumentException>(builder.Build);
    }
}
