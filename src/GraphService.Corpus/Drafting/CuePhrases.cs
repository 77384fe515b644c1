using System.Text.RegularExpressions;
using GraphService.Core.Domain;

namespace GraphService.Corpus.Drafting;

/// <summary>Which mention of a pair a cue makes the subject: the one before the cue (<c>First</c>) or after it (<c>Second</c>).</summary>
public enum CueDirection
{
    First,
    Second,
}

/// <summary>A cue phrase: a pattern for the text between two mentions, the predicate it suggests and which mention is the subject.</summary>
public sealed record Cue(string Predicate, CueDirection Subject, Regex Pattern, EntityType? FirstType = null, EntityType? SecondType = null)
{
    public bool Fits(EntityType first, EntityType second) =>
        (FirstType is not EntityType f || f == first) && (SecondType is not EntityType s || s == second);
}

/// <summary>
/// The cue phrases of drafting: the one home of the words that suggest a predicate between two mentions, and of the
/// direction each implies ("X, the leader of Y": X leads Y; "Y's commander X": X commands Y; "X-backed Y": Y is backed
/// by X). A cue matches the text between the two mentions (see docs/drafting.md). Several cues may match one pair
/// ("received funding, weapons, training … from" suggests FUNDED_BY, ARMED_BY and TRAINED_BY).
/// </summary>
public static partial class CuePhrases
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static IReadOnlyList<Cue> All { get; } =
    [
        // Leading and commanding.
        new("LEADS", CueDirection.First, new(@"^\W*(who\s+)?(is\s+|was\s+|has\s+|had\s+)?(the\s+|a\s+)?(leader|head|chief|heads?|leads?|led|headed|runs?|ran|run)\b(\s+of)?", Options)),
        new("LEADS", CueDirection.Second, new(@"['’]s?\s+(leader|head|chief)\W*$|^\W*(leader|chief)\W*$", Options)),
        new("LEADS", CueDirection.First, new(@"^['’]s\s+$", Options), EntityType.Person, EntityType.Organization),
        new("COMMANDS", CueDirection.First, new(@"^\W*(the\s+)?(commander|commands|commanded)\b", Options)),
        new("COMMANDS", CueDirection.Second, new(@"['’]s?\s+commander\W*$", Options)),

        // Money, arms, training and backing.
        new("FUNDED_BY", CueDirection.First, new(@"\b(funded|financed|bankrolled|paid)\s+by\b|\b(funding|financing|money)\b[^.]*\bfrom\b", Options)),
        new("FUNDED_BY", CueDirection.Second, new(@"^-funded\b|\bfinancing\s+of\b|\bfunds\b|\bpaid\b(?!\s+by)", Options)),
        new("ARMED_BY", CueDirection.First, new(@"\barmed\s+by\b|\b(weapons|arms)\b[^.]*\bfrom\b", Options)),
        new("TRAINED_BY", CueDirection.First, new(@"\btrained\s+by\b|\btraining\b[^.]*\b(from|by)\b", Options)),
        new("TRAINED_BY", CueDirection.Second, new(@"\b(helped\s+)?train(s|ed)?\b(?!\s+by)", Options)),
        new("BACKED_BY", CueDirection.First, new(@"\b(backed|supported|sponsored)\b[^.]{0,30}\bby\b|\bbacking\b[^.]*\bfrom\b", Options)),
        new("BACKED_BY", CueDirection.Second, new(@"^-(backed|supported|sponsored)\b|\bchief\s+proxy\b", Options)),

        // Membership, structure, employment.
        new("PART_OF", CueDirection.First, new(@"\b(part|unit|units|wing|arm)\s+of\b|\bembedded\s+in\b|^\s+of\s+(the\s+)?(\w+\s+)?$", Options), EntityType.Organization, EntityType.Organization),
        new("PART_OF", CueDirection.Second, new(@"^['’]s\s+(elite\s+)?$", Options), EntityType.Organization, EntityType.Organization),
        new("MEMBER_OF", CueDirection.First, new(@"\bmember\s+of\b|\bjoined\b|\bserv(ed|es|ing)\s+in\b|\bon\s+whose\s+electoral\s+list\b", Options)),
        new("WORKED_FOR", CueDirection.First, new(@"\bwork(s|ed)?\s+for\b|\b(former\s+)?boss\b|\bsuperior\b|\b(scholar|fellow|analyst)\s+at\b|\bpoint\s+man\b|\bambassador\b", Options)),
        new("SPLIT_FROM", CueDirection.First, new(@"\bsplit\s+(from|with)\b|\bbroke\s+(away\s+)?(from|with)\b|\bstruck\s+out\b|\bfallout\b", Options)),
        new("SPLIT_FROM", CueDirection.Second, new(@"\bbroke\s+away\b[^.]*\bto\s+form\b|\bsplinter\b", Options)),
        new("FOUNDED", CueDirection.First, new(@"\bfounded\b(?!\s+by)|\bfounder\s+of\b", Options)),
        new("FOUNDED", CueDirection.Second, new(@"\bfounded\s+by\b", Options)),
        new("AT_BEHEST_OF", CueDirection.First, new(@"\bat\s+the\s+behest\s+of\b|\bon\s+(the\s+)?orders\s+of\b", Options)),
        new("AT_BEHEST_OF", CueDirection.Second, new(@"\bproxies\b", Options)),

        // Conflict and contact.
        new("DETAINED_BY", CueDirection.First, new(@"\b(captured|arrested|detained|held|released|seized|interrogated)\s+by\b", Options)),
        new("DETAINED_BY", CueDirection.Second, new(@"\b(captured|arrested|detained|released)\b(?!\s+by)", Options)),
        new("KILLED_BY", CueDirection.First, new(@"\bkilled\s+by\b", Options)),
        new("FOUGHT", CueDirection.First, new(@"\b(fight(ing|s)?|fought|battl(e|es|ed|ing)|combat(ing)?)\b", Options)),
        new("ATTACKED", CueDirection.First, new(@"\battacks?\s+on\b|\battacked\b|\btargeted\b|\bkill(ed|ing)\b(?!\s+by)|\bmissiles\s+at\b|\bstrikes?\s+on\b", Options)),
        new("RIVAL_OF", CueDirection.First, new(@"\brival\b|\bdispute\b|\bthreaten(ed|s)?\b|\bvying\b|\bconfront", Options)),
        new("ALLIED_WITH", CueDirection.First, new(@"\bally\b|\ballies\b|\bcooperat(ion|ing|ed|e)\b|\balongside\b|\bties\s+(with|to)\b|\bpartners?\b", Options)),
        new("MET_WITH", CueDirection.First, new(@"\bmet(\s+with)?\b|\bmeetings?\s+with\b|\btalks\s+with\b", Options)),
        new("PLANNED", CueDirection.Second, new(@"\bplanned\s+by\b", Options)),
        new("AUTHORISED", CueDirection.First, new(@"\bauthori[sz](ed|ing|e)\b", Options)),
    ];

    /// <summary>Predicates that read the same both ways: "X and Y met" is cued by the verb after the pair.</summary>
    private static readonly HashSet<string> Symmetric = new(StringComparer.Ordinal) { "MET_WITH", "ALLIED_WITH", "RIVAL_OF" };

    /// <summary>
    /// The cues that match the text between two mentions whose entities have the given types. When only "and" (or a
    /// comma) stands between them, the verb that follows the pair (<paramref name="after"/>) cues a symmetric predicate.
    /// </summary>
    public static IEnumerable<(Cue Cue, string Words)> Matching(string between, string after, EntityType first, EntityType second)
    {
        // A place is where something happened, not a party to it: no predicate is guessed for it.
        if (first == EntityType.Place || second == EntityType.Place)
        {
            return [];
        }

        if (Conjunction().IsMatch(between))
        {
            return All.Where(c => Symmetric.Contains(c.Predicate) && c.Pattern.Match(after) is { Success: true, Index: < 12 })
                .Select(c => (c, c.Pattern.Match(after).Value.Trim()));
        }

        return All.Where(c => c.Fits(first, second) && c.Pattern.IsMatch(between)).Select(c => (c, c.Pattern.Match(between).Value.Trim()));
    }

    [GeneratedRegex(@"^\s*(,|and|,\s*and)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Conjunction();
}
