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
    public void The_adjacency_holds_every_relationship_once_in_each_direction()
    {
        var hub = Index.EntityIndexOf(ConformanceGraph.Hub);
        var incoming = Enumerable.Range(Index.InOffsets[hub], Index.InOffsets[hub + 1] - Index.InOffsets[hub])
            .Select(slot => Index.RelationshipIds[Index.InRelationship[slot]]);

        Assert.Equal(Index.RelationshipCount, Index.OutNeighbor.Length);
        Assert.Equal(Index.RelationshipCount, Index.InNeighbor.Length);
        Assert.Equal(["r06", "r07", "r08", "r12"], incoming);
        Assert.Equal(Index.OutOffsets[hub], Index.OutOffsets[hub + 1]);
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
