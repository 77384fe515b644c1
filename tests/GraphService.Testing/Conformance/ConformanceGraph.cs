using System.Text;
using GraphService.Core.Domain;

namespace GraphService.Testing.Conformance;

/// <summary>
/// A small graph with known structure that every store backend must answer identically about:
/// a hub (Central Hub Council) joined by MEMBER_OF from three organizations, two parallel MET_WITH relationships,
/// a contested RIVAL_OF, dated relationships, two people both named "Abu Ali", names with diacritics, apostrophes and
/// the article "al", a relationship-free island, one citation shared by two relationships, one declared predicate
/// that no relationship uses, and a document (Gamma) with a character outside the Basic Multilingual Plane.
/// </summary>
/// <remarks>
/// Undirected, the connected part is: Ameri–Badr–Hub–{Asa'ib Ahl al-Haq, Kata'ib Hezbollah, José Muñoz};
/// Ameri=Suleimani (two parallel); Suleimani–Quds Force–{Kata'ib Hezbollah, Asa'ib Ahl al-Haq}; Khazali–Asa'ib Ahl al-Haq;
/// Khazali–Ameri (contested); Abu Ali (north)–Kata'ib Hezbollah; Abu Ali (south)–Badr. Separately: Airport Strike–Baghdad,
/// and Lonely Island alone.
/// </remarks>
public static class ConformanceGraph
{
    public const string Hub = "central-hub-council";
    public const string Suleimani = "qasem-suleimani";
    public const string Ameri = "hadi-al-ameri";
    public const string Khazali = "qais-al-khazali";
    public const string Badr = "badr-organization";
    public const string Aah = "asaib-ahl-al-haq";
    public const string Kh = "kataib-hezbollah";
    public const string QudsForce = "quds-force";
    public const string Munoz = "jose-munoz";
    public const string AbuAliNorth = "abu-ali-north";
    public const string AbuAliSouth = "abu-ali-south";
    public const string Baghdad = "baghdad";
    public const string AirportStrike = "airport-strike";
    public const string LonelyIsland = "lonely-island";

    public const string AlphaDocument = "doc-alpha";
    public const string BetaDocument = "doc-beta";
    public const string GammaDocument = "doc-gamma";

    /// <summary>The citation (in <see cref="AlphaDocument"/>) that supports both r04 and r06.</summary>
    public const string SharedCitation = "c-alpha-badr-hub";

    /// <summary>A corpus-declared predicate that no relationship uses.</summary>
    public const string UnusedPredicate = "SHELTERED_BY";

    public static GraphSnapshot Snapshot { get; } = Build("conformance-v1");

    /// <summary>The same graph under another version, for tests that need a replacement that differs.</summary>
    public static GraphSnapshot Build(string version)
    {
        Entity[] entities =
        [
            new(Hub, EntityType.Organization, "Central Hub Council", ["CHC"], "An umbrella body that several groups belong to."),
            new(Suleimani, EntityType.Person, "Qasem Suleimani", ["Suleimani", "Qāsem Soleimānī"], "Commander of the Quds Force."),
            new(Ameri, EntityType.Person, "Hadi al-Ameri", ["Ameri"], "Leader of the Badr Organization."),
            new(Khazali, EntityType.Person, "Qais al-Khazali", ["Khazali"], null),
            new(Badr, EntityType.Organization, "Badr Organization", ["Badr"], null),
            new(Aah, EntityType.Organization, "Asa'ib Ahl al-Haq", ["AAH"], null),
            new(Kh, EntityType.Organization, "Kata'ib Hezbollah", ["KH"], null),
            new(QudsForce, EntityType.Organization, "Quds Force", ["IRGC-QF"], null),
            new(Munoz, EntityType.Person, "José Muñoz", [], "A contractor."),
            new(AbuAliNorth, EntityType.Person, "Abu Ali", [], "A commander in the north."),
            new(AbuAliSouth, EntityType.Person, "Abu Ali", [], "A commander in the south."),
            new(Baghdad, EntityType.Place, "Baghdad", [], null),
            new(AirportStrike, EntityType.Event, "Baghdad Airport Strike", [], null),
            new(LonelyIsland, EntityType.Place, "Lonely Island", [], "Connected to nothing."),
        ];

        var claims = new (string Id, string Start, string Type, string End, int Corroboration, double Confidence, string? Since, string? Until, bool Contested)[]
        {
            ("r01", Suleimani, "COMMANDS", QudsForce, 3, 0.9, "1998", "2020-01-03", false),
            ("r02", Kh, "ARMED_BY", QudsForce, 2, 0.78, null, null, false),
            ("r03", Aah, "ARMED_BY", QudsForce, 1, 0.5, null, null, false),
            ("r04", Ameri, "LEADS", Badr, 2, 0.8, "2002", null, false),
            ("r05", Khazali, "LEADS", Aah, 2, 0.8, "2007", null, false),
            ("r06", Badr, "MEMBER_OF", Hub, 2, 0.7, null, null, false),
            ("r07", Aah, "MEMBER_OF", Hub, 1, 0.6, null, null, false),
            ("r08", Kh, "MEMBER_OF", Hub, 3, 0.9, null, null, false),
            ("r09", Ameri, "MET_WITH", Suleimani, 1, 0.5, "2014-06", "2014-06", false),
            ("r10", Ameri, "MET_WITH", Suleimani, 2, 0.67, "2015", "2015", false),
            ("r11", Khazali, "RIVAL_OF", Ameri, 1, 0.38, null, null, true),
            ("r12", Munoz, "WORKED_FOR", Hub, 1, 0.5, "2019-03-01", null, false),
            ("r13", AbuAliNorth, "MEMBER_OF", Kh, 1, 0.5, null, null, false),
            ("r14", AbuAliSouth, "MEMBER_OF", Badr, 1, 0.5, null, null, false),
            ("r15", AirportStrike, "PART_OF", Baghdad, 1, 0.5, "2020-01-03", "2020-01-03", false),
        };

        var byId = entities.ToDictionary(e => e.Id);
        var vocabulary = PredicateVocabulary.WithExtras([new Predicate(UnusedPredicate, "is sheltered by", false)]);
        string[] documentIds = [AlphaDocument, BetaDocument, GammaDocument];
        // Gamma opens with a character outside the BMP (two UTF-16 code units, one code point), so every offset after it
        // differs between the two ways of counting: stores must page and cut spans in UTF-16 code units all the same.
        var bodies = documentIds.ToDictionary(d => d, d => new StringBuilder(d == GammaDocument ? $"Report {d} 🛰. " : $"Report {d}. "));
        var mentions = new List<Mention>();
        var citationsOf = claims.ToDictionary(c => c.Id, _ => new List<Citation>());

        Citation Sentence(string citationId, string document, string text, Stance stance, params (string Entity, string Name)[] named)
        {
            var body = bodies[document];
            var start = body.Length;
            body.Append(text).Append(' ');
            foreach (var (entity, name) in named)
            {
                var at = text.IndexOf(name, StringComparison.Ordinal);
                mentions.Add(new Mention(entity, document, start + at, start + at + name.Length));
            }

            return new Citation(citationId, document, text, start, start + text.Length, stance);
        }

        // One passage backing two relationships: r04 (Ameri leads Badr) and r06 (Badr is a member of the hub).
        var shared = Sentence(
            SharedCitation,
            AlphaDocument,
            "Hadi al-Ameri leads the Badr Organization, a member of the Central Hub Council.",
            Stance.Supports,
            (Ameri, "Hadi al-Ameri"),
            (Badr, "Badr Organization"),
            (Hub, "Central Hub Council"));
        citationsOf["r04"].Add(shared);
        citationsOf["r06"].Add(shared);

        foreach (var c in claims)
        {
            var start = byId[c.Start];
            var end = byId[c.End];
            var text = $"{start.Name} {vocabulary.PhraseOf(c.Type)} {end.Name}.";
            for (var p = citationsOf[c.Id].Count; p < c.Corroboration; p++)
            {
                var document = documentIds[p];
                citationsOf[c.Id].Add(Sentence($"c-{c.Id}-{p + 1}", document, text, Stance.Supports, (c.Start, start.Name), (c.End, end.Name)));
            }

            if (c.Contested)
            {
                var denial = $"It is false that {start.Name} {vocabulary.PhraseOf(c.Type)} {end.Name}.";
                citationsOf[c.Id].Add(Sentence($"c-{c.Id}-disputed", BetaDocument, denial, Stance.Disputes, (c.Start, start.Name), (c.End, end.Name)));
            }
        }

        SourceDocument[] documents =
        [
            new(AlphaDocument, "Alpha report", "Alpha Wire", "A. Writer", new PartialDate(2020, 1), "https://alpha.example/report", "en", bodies[AlphaDocument].ToString()),
            new(BetaDocument, "Beta report", "Beta Monitor", null, new PartialDate(2021), null, "en", bodies[BetaDocument].ToString()),
            new(GammaDocument, "Gamma report", "Gamma Review", "G. Author", new PartialDate(2022, 5, 17), "https://gamma.example/r", null, bodies[GammaDocument].ToString()),
        ];

        var relationships = claims
            .Select(c => new Relationship(
                c.Id,
                c.Type,
                c.Start,
                c.End,
                c.Since is null ? null : PartialDate.Parse(c.Since),
                c.Until is null ? null : PartialDate.Parse(c.Until),
                c.Confidence,
                true,
                c.Corroboration,
                c.Contested,
                citationsOf[c.Id]))
            .ToList();

        return new GraphSnapshot(version, "conformance", vocabulary.All, entities, documents, relationships, mentions);
    }
}
