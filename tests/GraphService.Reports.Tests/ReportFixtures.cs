using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Reports.Tests;

/// <summary>
/// Results built in code. Two paths from Qais al-Khazali to Qasem Soleimani: the first walks one relationship against
/// its direction and holds a contested relationship; the second starts against a relationship's direction and goes
/// through an entity whose name is hostile markup. Citation c-bbc-2 backs relationships on both paths.
/// </summary>
internal static class ReportFixtures
{
    public const string GraphVersion = "g-5f1c2a9e";
    public const string HostileName = "<script>alert(1)</script> \"Front\" [of] A&B | #1; `x` {y}";

    public static readonly NodeView Khazali = new("qais-al-khazali", "Qais al-Khazali", EntityType.Person);
    public static readonly NodeView Aah = new("asaib-ahl-al-haq", "Asaib Ahl al-Haq", EntityType.Organization);
    public static readonly NodeView Quds = new("quds-force", "Quds Force", EntityType.Organization);
    public static readonly NodeView Soleimani = new("qasem-soleimani", "Qasem Soleimani", EntityType.Person);
    public static readonly NodeView Hostile = new("hostile-front", HostileName, EntityType.Organization);

    public static CitationView Reuters1 => new("c-reuters-1", "doc-reuters-2019", "Iraq's militia leaders", "Reuters", "2019-03-04",
        "https://www.reuters.com/article/iraq-militias", "Qais al-Khazali, the leader of Asaib Ahl al-Haq, said…", 120, 171, Stance.Supports);

    public static CitationView Bbc2 => new("c-bbc-2", "doc-bbc-2020", "Who are Iraq's militias?", "BBC News", "2020-01-03",
        "https://www.bbc.com/news/world-middle-east-50000000", "Khazali heads the group, which he founded in 2006.", 10, 60, Stance.Supports);

    public static CitationView Cfr3 => new("c-cfr-3", "doc-cfr", "Profile: Asaib Ahl al-Haq", "Council on Foreign Relations", "2021",
        null, "The group received training from the Quds Force.", 0, 49, Stance.Supports);

    public static CitationView Denial4 => new("c-statement-4", "doc-aah-statement", "Statement on foreign ties", "Asaib Ahl al-Haq", "2021-06",
        "https://example.org/statement", "We have never been trained by any foreign force.", 5, 54, Stance.Disputes);

    public static CitationView Ctc5 => new("c-ctc-5", "doc-ctc", "The Quds Force under Soleimani", "CTC Sentinel", null,
        "https://ctc.westpoint.edu/quds", "Soleimani commanded the Quds Force from 1998.", 0, 46, Stance.Supports);

    public static CitationView Hostile6 => new("c-hostile-6", "doc-hostile", "<img src=x onerror=alert(2)> & \"title\"", "Pub <b>&amp;</b>", "2022-02-02",
        "javascript:alert(3)", "They said: \"<i>allied</i>\" & 'sworn' [brothers] |#x;", 3, 50, Stance.Supports);

    public static CitationView Afp7 => new("c-afp-7", "doc-afp", "Meeting in Tehran", "AFP", "2019-11",
        "https://www.afp.com/en/news/meeting", "The two met in Tehran in November.", 0, 34, Stance.Supports);

    public static RelationshipView KhazaliLeadsAah => new("r-khazali-leads-aah", "LEADS", "leads", Khazali.Id, Aah.Id, 0.67, 2, false, "2007", null, [Reuters1, Bbc2]);

    public static RelationshipView AahTrainedByQuds => new("r-aah-trained-quds", "TRAINED_BY", "is trained by", Aah.Id, Quds.Id, 0.38, 1, true, null, null, [Cfr3, Denial4]);

    public static RelationshipView SoleimaniCommandsQuds => new("r-soleimani-commands-quds", "COMMANDS", "commands", Soleimani.Id, Quds.Id, 0.5, 1, false, "1998", "2020-01-03", [Ctc5]);

    public static RelationshipView HostileAlliedKhazali => new("r-hostile-allied-khazali", "ALLIED_WITH", "is allied with", Hostile.Id, Khazali.Id, 0.67, 2, false, null, null, [Bbc2, Hostile6]);

    public static RelationshipView HostileMetSoleimani => new("r-hostile-met-soleimani", "MET_WITH", "met with", Hostile.Id, Soleimani.Id, 0.5, 1, false, "2019-11", "2019-11", [Afp7]);

    public static GraphPath ViaQudsForce => new(3, [Khazali, Aah, Quds, Soleimani], [KhazaliLeadsAah, AahTrainedByQuds, SoleimaniCommandsQuds]);

    public static GraphPath ViaHostileFront => new(2, [Khazali, Hostile, Soleimani], [HostileAlliedKhazali, HostileMetSoleimani]);

    public static CitationView Ap8 => new("c-ap-8", "doc-ap", "Militia founder profile", "AP", "2018-05-12",
        "https://apnews.com/article/founder", "Khazali founded the group after breaking with Sadr.", 0, 51, Stance.Supports);

    /// <summary>A second, weaker relationship between Khazali and Asaib Ahl al-Haq: the same link as <see cref="KhazaliLeadsAah"/>.</summary>
    public static RelationshipView KhazaliFoundedAah => new("r-khazali-founded-aah", "FOUNDED", "founded", Khazali.Id, Aah.Id, 0.5, 1, false, "2006", null, [Ap8]);

    /// <summary>
    /// Like <see cref="ViaQudsForce"/>, but its first link carries two relationships (leads, then the weaker founded) and
    /// its second is walked against the direction of a link carrying one.
    /// </summary>
    public static GraphPath ViaQudsForceWithParallel => new(
        3,
        [Khazali, Aah, Quds, Soleimani],
        [
            new PathLink(Khazali.Id, Aah.Id, [KhazaliLeadsAah, KhazaliFoundedAah]),
            new PathLink(Aah.Id, Quds.Id, [AahTrainedByQuds]),
            new PathLink(Quds.Id, Soleimani.Id, [SoleimaniCommandsQuds]),
        ]);

    public static PathResult ParallelLink => new(GraphVersion, Khazali, Soleimani, [ViaQudsForceWithParallel], Truncated: false);

    public static PathResult TwoPaths => new(GraphVersion, Khazali, Soleimani, [ViaHostileFront, ViaQudsForce], Truncated: false);

    public static PathResult OnePath => new(GraphVersion, Khazali, Soleimani, [ViaQudsForce], Truncated: false);

    public static PathResult NoPath => new(GraphVersion, Khazali, Soleimani, [], Truncated: true);

    /// <summary>Around Qais al-Khazali, depth 2: Asaib Ahl al-Haq and the hostile front one hop out, the Quds Force two.</summary>
    public static NeighborhoodResult Neighborhood => new(
        GraphVersion,
        Khazali,
        [Khazali, Aah, Hostile, Quds],
        [KhazaliLeadsAah, HostileAlliedKhazali, AahTrainedByQuds],
        Truncated: false);

    /// <summary>
    /// A busier neighborhood, built from a fixed seed so it is the same in every run: seven entities one hop from the
    /// centre, a second ring reached from several of them (some through two relationships, some with parallel
    /// relationships), a relationship to an entity missing from the node list and a listed entity nothing reaches.
    /// </summary>
    public static NeighborhoodResult BusyNeighborhood()
    {
        var random = new Random(20240611);
        var first = Enumerable.Range(1, 7).Select(i => new NodeView($"ring1-{i}", $"First ring organisation number {i}", EntityType.Organization)).ToList();
        var second = Enumerable.Range(1, 12).Select(i => new NodeView($"ring2-{i}", $"Person {i} al-Second", EntityType.Person)).ToList();
        var lonely = new NodeView("unreached", "Listed but unreached", EntityType.Place);
        var relationships = new List<RelationshipView>();
        RelationshipView Link(string id, string from, string to, bool contested) =>
            new(id, "ALLIED_WITH", "is allied with", from, to, 0.5, 1, contested, null, null, [Reuters1 with { Id = "c-" + id }]);

        foreach (var (node, i) in first.Select((n, i) => (n, i)))
        {
            relationships.Add(i % 2 == 0 ? Link($"r-c-{i}", Khazali.Id, node.Id, false) : Link($"r-c-{i}", node.Id, Khazali.Id, i == 3));
        }

        foreach (var (node, i) in second.Select((n, i) => (n, i)))
        {
            var parent = first[random.Next(first.Count)];
            relationships.Add(Link($"r-p-{i}", parent.Id, node.Id, random.Next(4) == 0));
            if (random.Next(3) == 0)
            {
                relationships.Add(Link($"r-q-{i}", node.Id, first[random.Next(first.Count)].Id, false));
            }
        }

        relationships.Add(Link("r-parallel", Khazali.Id, first[0].Id, true));
        relationships.Add(Link("r-unlisted", second[0].Id, "not-in-the-node-list", false));
        return new NeighborhoodResult(GraphVersion, Khazali, [Khazali, .. first, .. second, lonely], relationships, Truncated: true);
    }

    public static IReadOnlyList<NodeView> AllNodes => [Khazali, Aah, Quds, Soleimani, Hostile];

    /// <summary>A whole graph holding the same entities and relationships, for the GraphML snapshot writer.</summary>
    public static GraphSnapshot Snapshot()
    {
        SourceDocument Doc(CitationView c) => new(c.DocumentId, c.Title, c.Publisher, null,
            c.Published is null ? null : PartialDate.Parse(c.Published), c.Url, "en", new string('x', 200));
        Citation Cite(CitationView c) => new(c.Id, c.DocumentId, c.Quote, c.Start, c.End, c.Stance);
        Relationship Rel(RelationshipView r) => new(r.Id, r.Type, r.StartNodeId, r.EndNodeId,
            r.Since is null ? null : PartialDate.Parse(r.Since), r.Until is null ? null : PartialDate.Parse(r.Until),
            r.Confidence, false, r.Corroboration, r.Contested, [.. r.Citations.Select(Cite)]);
        Entity Ent(NodeView n, params string[] aliases) => new(n.Id, n.Type, n.Name, aliases, n.Id == Hostile.Id ? "Described as <b>dangerous</b> & \"armed\"" : null);

        CitationView[] citations = [Reuters1, Bbc2, Cfr3, Denial4, Ctc5, Hostile6, Afp7];
        return new GraphSnapshot(
            GraphVersion,
            "fixture",
            PredicateVocabulary.BuiltIns,
            [Ent(Khazali, "Qais Khazali", "Sheikh Qais"), Ent(Aah, "AAH", "League of the Righteous"), Ent(Quds, "IRGC-QF"), Ent(Soleimani, "Qassem Suleimani"), Ent(Hostile, "</data><x>")],
            [.. citations.DistinctBy(c => c.DocumentId).Select(Doc)],
            [Rel(KhazaliLeadsAah), Rel(AahTrainedByQuds), Rel(SoleimaniCommandsQuds), Rel(HostileAlliedKhazali), Rel(HostileMetSoleimani)],
            []);
    }
}
