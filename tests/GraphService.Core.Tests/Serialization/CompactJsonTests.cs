using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Serialization;
using Xunit;

namespace GraphService.Core.Tests.Serialization;

/// <summary>
/// The build-time contract of the result types (<see cref="GraphJson.CompactTypeInfo"/>) writes exactly the bytes the
/// reflection serializer writes under <see cref="GraphJson.Configure"/>, so the API may use either.
/// </summary>
public sealed class CompactJsonTests
{
    private static readonly JsonSerializerOptions Reflection = GraphJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static readonly NodeView Khazali = new("qais-al-khazali", "Qais al-Khazali", EntityType.Person);
    private static readonly NodeView Asaib = new("asaib-ahl-al-haq", "ʿAṣāʾib Ahl al-Ḥaqq \"AAH\"", EntityType.Organization);

    private static readonly CitationView Quote = new("c-1", "doc-1", "Militia leaders — a profile", "Reuters", "2019-05-01", null,
        "Khazali, who leads Asaib Ahl al-Haq, said <\"we\"> & left.\nNext line\t(tab) قيس الخزعلي", 10, 92, Stance.Supports);

    private static readonly CitationView Denial = Quote with { Id = "c-2", Url = "https://example.org/a?b=1&c=2", Published = null, Stance = Stance.Disputes };

    private static readonly RelationshipView Leads = new("r-1", "LEADS", "leads", Khazali.Id, Asaib.Id, 0.85, 2, true, "2007", null, [Quote, Denial]) { Publishers = 3 };

    private static readonly RelationshipView MemberOf = new("r-2", "MEMBER_OF", "is a member of", Khazali.Id, Asaib.Id, 1.0 / 3.0, 1, false, null, "2010-02", []);

    public static TheoryData<object> Results() =>
    [
        new PathResult("v1", Khazali, Asaib, [new GraphPath(1, [Khazali, Asaib], [new PathLink(Khazali.Id, Asaib.Id, [Leads, MemberOf])])], true),
        new PathResult("v1", Khazali, Asaib, [], false),
        new NeighborhoodResult("v1", Khazali, [Khazali, Asaib], [Leads, MemberOf], false),
        new EntityDetail("v1", Khazali.Id, Khazali.Name, EntityType.Person, ["al-Khazali", "قيس الخزعلي"], null,
            new Dictionary<string, IReadOnlyList<EntityRelationship>> { ["LEADS"] = [new EntityRelationship("out", Asaib, Leads)] },
            new Dictionary<string, int> { ["LEADS"] = 3 }, true, 2, 5, [new DocumentSummary("doc-1", "Title", "Reuters", null, "2019", null, "en", 1200)], 4),
        new DocumentDetail("v1", new DocumentSummary("doc-1", "Title", "Reuters", "A. Writer", null, "https://example.org", null, 1200),
            new TextRange(0, 40), "Khazali said “hello” — قيس", [new DocumentSpan(0, 7, "mention", Khazali.Id, "Khazali")], true, []),
        new CitationDetail("v1", Denial, [Leads]),
        new GraphSchema("v1", [new TypeCount("Person", 3)], [new PredicateCount("LEADS", "leads", true, 4)], 3, 4, 2, 5, 7),
    ];

    [Theory]
    [MemberData(nameof(Results))]
    public void Writes_the_same_bytes_as_the_reflection_serializer(object result)
    {
        var typeInfo = GraphJson.CompactTypeInfo(result.GetType());

        Assert.NotNull(typeInfo);
        Assert.Equal(Write(w => JsonSerializer.Serialize(w, result, result.GetType(), Reflection)), Write(w => JsonSerializer.Serialize(w, result, typeInfo)));
    }

    [Fact]
    public void Has_no_contract_for_other_types()
    {
        Assert.Null(GraphJson.CompactTypeInfo(typeof(Uri)));
    }

    private static string Write(Action<Utf8JsonWriter> serialize)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = GraphJson.Encoder }))
        {
            serialize(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
