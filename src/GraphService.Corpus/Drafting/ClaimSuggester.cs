using GraphService.Core.Domain;
using GraphService.Core.Queries;
using GraphService.Core.Store;

namespace GraphService.Corpus.Drafting;

/// <summary>A candidate claim: two known entities mentioned together, with the passage that names both.</summary>
/// <param name="Subject">Entity id of the subject (the first mention when there is no cue).</param>
/// <param name="Object">Entity id of the object.</param>
/// <param name="Predicate">The predicate a cue phrase suggests, or null when no cue was found.</param>
/// <param name="Document">The document id.</param>
/// <param name="Quote">The passage, verbatim: <c>body[Start..End]</c>.</param>
/// <param name="Start">UTF-16 offset of the passage in the body.</param>
/// <param name="End">UTF-16 offset just past the passage.</param>
/// <param name="Score">From 0 to 1: higher for a cue and for mentions close together.</param>
/// <param name="Existing">True when the corpus already has this claim (for a null predicate: any claim between the two).</param>
/// <param name="Cue">The words that suggested the predicate, or null.</param>
public sealed record ClaimSuggestion(
    string Subject,
    string Object,
    string? Predicate,
    string Document,
    string Quote,
    int Start,
    int End,
    double Score,
    bool Existing,
    string? Cue);

/// <summary>Where a candidate new entity is mentioned.</summary>
public sealed record SpanView(int Start, int End);

/// <summary>A repeated proper name that matches no entity's name or alias.</summary>
public sealed record NewEntitySuggestion(string Name, IReadOnlyList<SpanView> Mentions);

/// <summary>What drafting proposes for one document.</summary>
public sealed record DocumentSuggestions(
    string DocumentId,
    string GraphVersion,
    IReadOnlyList<ClaimSuggestion> Claims,
    IReadOnlyList<NewEntitySuggestion> NewEntities);

/// <summary>
/// Proposes claims for review from one document, by rules (docs/drafting.md): the body is split into sentences
/// (<see cref="SentenceSplitter"/>), the entities' mentions are found (<see cref="MentionFinder"/>), every two known
/// entities mentioned in one sentence within <see cref="MaxGap"/> characters make a pair, and the text between them is
/// searched for cue phrases (<see cref="CuePhrases"/>) that give a predicate and its direction. Nothing is imported.
/// </summary>
public sealed partial class ClaimSuggester
{
    /// <summary>The most characters between two mentions for them to be paired.</summary>
    public const int MaxGap = 200;

    /// <summary>A sentence longer than this is not quoted whole: the quote is the shortest span naming both.</summary>
    public const int MaxQuoteLength = 400;

    // The type of each entity drafting may meet, whether a name key is a known name or alias, and (for documents whose
    // mentions are not given) the finder of every entity's names, built when first needed.
    private readonly Dictionary<string, EntityType> _typeOf;
    private readonly Func<string, bool> _isKnownName;
    private readonly Lazy<MentionFinder>? _finder;
    private readonly HashSet<(string, string, string)> _claims;
    private readonly HashSet<(string, string)> _relatedPairs;

    /// <param name="entities">The corpus's entities.</param>
    /// <param name="existing">The claims the corpus already has.</param>
    public ClaimSuggester(IReadOnlyList<Entity> entities, IEnumerable<(string Subject, string Predicate, string Object)> existing)
        : this(
            (entities ?? throw new ArgumentNullException(nameof(entities))).ToDictionary(e => e.Id, e => e.Type, StringComparer.Ordinal),
            entities.SelectMany(e => e.Aliases.Prepend(e.Name)).Select(NameKey.Normalize).ToHashSet(StringComparer.Ordinal).Contains,
            new Lazy<MentionFinder>(() => new MentionFinder(entities)),
            existing)
    {
    }

    private ClaimSuggester(
        Dictionary<string, EntityType> typeOf,
        Func<string, bool> isKnownName,
        Lazy<MentionFinder>? finder,
        IEnumerable<(string Subject, string Predicate, string Object)> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        (_typeOf, _isKnownName, _finder) = (typeOf, isKnownName, finder);
        _claims = [];
        _relatedPairs = [];
        foreach (var (s, p, o) in existing)
        {
            _claims.Add((s, p, o));
            _relatedPairs.Add(Unordered(s, o));
        }
    }

    /// <summary>Suggestions for a snapshot's document (the snapshot's relationships are the existing claims).</summary>
    public static DocumentSuggestions ForSnapshot(GraphSnapshot snapshot, SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(document);
        var suggester = new ClaimSuggester(snapshot.Entities, snapshot.Relationships.Select(r => (r.StartId, r.Type, r.EndId)));
        return suggester.Suggest(document.Id, document.Body, snapshot.Version);
    }

    /// <summary>
    /// Suggestions for a stored document, from what the store reads for it (<see cref="DraftingSource"/>): its claims are
    /// the existing claims among the entities the document mentions, which are all drafting compares against.
    /// </summary>
    public static DocumentSuggestions ForSource(DraftingSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var suggester = new ClaimSuggester(
            source.Entities.ToDictionary(e => e.Id, e => e.Type, StringComparer.Ordinal),
            source.Names.NamesAnEntity,
            finder: null,
            source.Claims.Select(c => (c.StartId, c.Type, c.EndId)));
        return suggester.Suggest(source.Document.Id, source.Document.Body, source.GraphVersion, source.Mentions);
    }

    /// <summary>Suggestions for a document of the corpus this suggester was made with; its mentions are found here.</summary>
    public DocumentSuggestions Suggest(string documentId, string body, string graphVersion)
    {
        ArgumentNullException.ThrowIfNull(body);
        var finder = _finder ?? throw new InvalidOperationException("this suggester was made for one stored document, whose mentions come with it");
        return Suggest(documentId, body, graphVersion, finder.Value.Find(documentId, body));
    }

    /// <summary>
    /// Suggestions for a document whose mentions are known: <paramref name="mentions"/> are the known entities' mentions in
    /// <paramref name="body"/>, in document order (as <see cref="MentionFinder"/> finds them, and the import stores them).
    /// </summary>
    public DocumentSuggestions Suggest(string documentId, string body, string graphVersion, IReadOnlyList<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(mentions);
        var claims = new Dictionary<(string, string, string?), ClaimSuggestion>();
        void Keep(ClaimSuggestion suggestion)
        {
            var key = (suggestion.Subject, suggestion.Object, suggestion.Predicate);
            if (suggestion.Predicate is null)
            {
                var (x, y) = Unordered(suggestion.Subject, suggestion.Object);
                key = (x, y, null);
            }

            if (!claims.TryGetValue(key, out var kept) || kept.Score < suggestion.Score)
            {
                claims[key] = suggestion;
            }
        }

        var sentences = SentenceSplitter.Split(body);
        var inSentences = sentences.Select(s => mentions.Where(m => m.Start >= s.Start && m.End <= s.End).ToList()).ToList();
        for (var k = 0; k < sentences.Count; k++)
        {
            var (sentenceStart, sentenceEnd) = sentences[k];
            var inSentence = inSentences[k];
            for (var i = 0; i < inSentence.Count; i++)
            {
                for (var j = i + 1; j < inSentence.Count; j++)
                {
                    var (a, b) = (inSentence[i], inSentence[j]);
                    if (a.EntityId == b.EntityId || b.Start - a.End > MaxGap || b.Start < a.End)
                    {
                        continue;
                    }

                    var (quoteStart, quoteEnd) = sentenceEnd - sentenceStart <= MaxQuoteLength ? (sentenceStart, sentenceEnd) : (a.Start, b.End);
                    foreach (var suggestion in Candidates(documentId, body, a, b, a.End, Crowding(inSentence, a, b), quoteStart, quoteEnd, 0))
                    {
                        Keep(suggestion);
                    }
                }
            }

            // "He …": a sentence whose first person is a pronoun speaks of the last person named in the sentences
            // just before it; pair that person with what this sentence names, quoting from the sentence that names them.
            if (Pronoun(body, sentenceStart, sentenceEnd, inSentence) is not int pronounEnd || Antecedent(inSentences, k) is not var (antecedent, from))
            {
                continue;
            }

            foreach (var b in inSentence.Where(m => m.Start >= pronounEnd && m.Start - pronounEnd <= MaxGap && m.EntityId != antecedent.EntityId))
            {
                var quoteStart = sentenceEnd - sentences[from].Start <= MaxQuoteLength * 2 ? sentences[from].Start : antecedent.Start;
                foreach (var suggestion in Candidates(documentId, body, antecedent, b, pronounEnd, inSentence.Count(m => m.Start >= pronounEnd && m.End <= b.Start), quoteStart, sentenceEnd, PronounPenalty))
                {
                    Keep(suggestion);
                }
            }
        }

        // A pair with a cued suggestion needs no uncued one.
        var cuedPairs = claims.Values.Where(c => c.Predicate is not null).Select(c => Unordered(c.Subject, c.Object)).ToHashSet();
        var kept2 = claims.Values
            .Where(c => c.Predicate is not null || !cuedPairs.Contains(Unordered(c.Subject, c.Object)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Start)
            .ThenBy(c => c.Subject, StringComparer.Ordinal)
            .ThenBy(c => c.Object, StringComparer.Ordinal)
            .ThenBy(c => c.Predicate, StringComparer.Ordinal)
            .ToList();
        return new DocumentSuggestions(documentId, graphVersion, kept2, NewEntityFinder.Find(body, _isKnownName, mentions));
    }

    /// <summary>Taken off the score of a pair joined through a pronoun, which is less sure than two names.</summary>
    private const double PronounPenalty = 0.1;

    /// <summary>How many sentences back a pronoun's person may have been named.</summary>
    private const int PronounReach = 3;

    // a is the first mention (or, through a pronoun, the person it stands for), b the second; the text between them
    // starts at afterA (after a, or after the pronoun); othersBetween counts the other entities named in it.
    private IEnumerable<ClaimSuggestion> Candidates(
        string documentId, string body, Mention a, Mention b, int afterA, int othersBetween, int quoteStart, int quoteEnd, double penalty)
    {
        var between = body[afterA..b.Start];
        var gap = b.Start - afterA;
        var proximity = 1.0 - ((double)Math.Min(gap, MaxGap) / MaxGap);
        var crowding = (0.1 * othersBetween) + penalty;
        var quote = body[quoteStart..quoteEnd];
        var after = body[b.End..Math.Min(body.Length, b.End + 40)];
        var cues = CuePhrases.Matching(between, after, _typeOf[a.EntityId], _typeOf[b.EntityId]).ToList();
        if (cues.Count == 0)
        {
            var score = Math.Round(Math.Max(0.05, 0.3 + (0.2 * proximity) - crowding), 2);
            yield return new ClaimSuggestion(a.EntityId, b.EntityId, null, documentId, quote, quoteStart, quoteEnd, score, _relatedPairs.Contains(Unordered(a.EntityId, b.EntityId)), null);
            yield break;
        }

        foreach (var (cue, words) in cues)
        {
            var (subject, obj) = cue.Subject == CueDirection.First ? (a.EntityId, b.EntityId) : (b.EntityId, a.EntityId);
            var score = Math.Round(Math.Max(0.1, 0.55 + (0.35 * proximity) - crowding), 2);
            yield return new ClaimSuggestion(subject, obj, cue.Predicate, documentId, quote, quoteStart, quoteEnd, score, _claims.Contains((subject, cue.Predicate, obj)), words);
        }
    }

    private static int Crowding(List<Mention> inSentence, Mention a, Mention b) =>
        inSentence.Count(m => m.Start >= a.End && m.End <= b.Start && m.EntityId != a.EntityId && m.EntityId != b.EntityId);

    /// <summary>The end of a "he"/"she" that comes before any person named in the sentence, or null.</summary>
    private int? Pronoun(string body, int start, int end, List<Mention> inSentence)
    {
        var firstPerson = inSentence.FirstOrDefault(m => _typeOf[m.EntityId] == EntityType.Person)?.Start ?? end;
        var match = PronounPattern().Match(body, start, firstPerson - start);
        return match.Success ? match.Index + match.Length : null;
    }

    /// <summary>The last person named in the <see cref="PronounReach"/> sentences before sentence <paramref name="k"/>, and that sentence.</summary>
    private (Mention Person, int Sentence)? Antecedent(List<List<Mention>> inSentences, int k)
    {
        for (var back = k - 1; back >= Math.Max(0, k - PronounReach); back--)
        {
            if (inSentences[back].LastOrDefault(m => _typeOf[m.EntityId] == EntityType.Person) is { } person)
            {
                return (person, back);
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(he|she|He|She)\b")]
    private static partial System.Text.RegularExpressions.Regex PronounPattern();

    private static (string, string) Unordered(string x, string y) => string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);
}
