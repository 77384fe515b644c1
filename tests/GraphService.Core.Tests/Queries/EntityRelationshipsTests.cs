using GraphService.Core.Queries;
using Xunit;

namespace GraphService.Core.Tests.Queries;

public sealed class EntityRelationshipsTests
{
    private static readonly string[] Types = ["ALLIED_WITH", "LEADS", "MET_WITH"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_page_is_the_stated_rule_applied_to_the_whole_list(int seed)
    {
        var random = new Random(seed);
        var entries = RandomEntries(random, random.Next(0, 400));
        var query = new EntityQuery("e") { Limit = random.Next(1, 40), Offset = random.Next(0, 60) };

        var page = EntityRelationships.Page(entries, query);

        // The rule as docs/api.md states it: each relationship once (a self-loop as outgoing), by type in ordinal
        // order, strongest first, ties by id, offset skipped and limit kept within each type.
        var byType = entries
            .OrderBy(e => e.Outgoing ? 0 : 1)
            .DistinctBy(e => e.IdOrder)
            .GroupBy(e => e.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Type: g.Key, Ordered: g.OrderByDescending(e => e.Strength).ThenBy(e => e.IdOrder).ToList()))
            .ToList();
        Assert.Equal(byType.SelectMany(t => t.Ordered.Skip(query.Offset).Take(query.Limit)), page.Listed);
        Assert.Equal(byType.ToDictionary(t => t.Type, t => t.Ordered.Count), page.Counts);
        Assert.Equal(byType.Any(t => t.Ordered.Count > query.Offset + query.Limit), page.Truncated);
    }

    [Fact]
    public void A_relationship_from_the_entity_to_itself_is_listed_once_as_outgoing_and_counted_once()
    {
        var strength = new EvidenceStrength(1, 0.5);
        EntityRelationshipEntry[] entries =
        [
            new("MET_WITH", Outgoing: false, strength, IdOrder: 7, Handle: 0),
            new("MET_WITH", Outgoing: false, strength, IdOrder: 3, Handle: 1),
            new("MET_WITH", Outgoing: true, strength, IdOrder: 7, Handle: 2),
        ];

        var page = EntityRelationships.Page(entries, new EntityQuery("e"));

        Assert.Equal([(3, false), (7, true)], page.Listed.Select(e => (e.IdOrder, e.Outgoing)));
        Assert.Equal(2, page.Counts["MET_WITH"]);
        Assert.False(page.Truncated);
    }

    [Fact]
    public void Id_orders_rank_ids_as_ordinal_comparison_does_and_repeat_for_a_repeated_id()
    {
        Assert.Equal([2, 0, 1, 0], EntityRelationships.IdOrders(["r10", "R9", "r09", "R9"]));
    }

    private static List<EntityRelationshipEntry> RandomEntries(Random random, int count)
    {
        // Few strengths, so that ties by id are common; now and then a relationship from the entity to itself (its two
        // entries share type, strength and id order).
        var entries = new List<EntityRelationshipEntry>();
        for (var id = 0; entries.Count < count; id++)
        {
            var type = Types[random.Next(Types.Length)];
            var strength = new EvidenceStrength(random.Next(1, 3), random.Next(1, 3) / 2.0);
            if (random.Next(10) == 0)
            {
                entries.Add(new(type, true, strength, id, entries.Count));
                entries.Add(new(type, false, strength, id, entries.Count));
            }
            else
            {
                entries.Add(new(type, random.Next(2) == 0, strength, id, entries.Count));
            }
        }

        return [.. entries.OrderBy(_ => random.Next())];
    }
}
