using System.Text.RegularExpressions;
using GraphService.Core.Domain;
using GraphService.Core.Queries;

namespace GraphService.Corpus.Drafting;

/// <summary>
/// Candidate new entities: runs of capitalised words (with the joining words of names: "of", "al-", "bin") that occur
/// at least <see cref="MinOccurrences"/> times in a document, overlap no mention of a known entity, and match no known
/// name or alias (<see cref="NameKey"/>). Common words that open sentences ("The", "In", "He") are dropped from the
/// front of a run, and a run left with nothing is not a name.
/// </summary>
public static partial class NewEntityFinder
{
    public const int MinOccurrences = 2;

    /// <summary>The most candidates listed for one document (the most mentioned first).</summary>
    public const int MaxCandidates = 25;

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "A", "An", "The", "In", "On", "At", "By", "For", "From", "To", "Of", "And", "But", "Or", "As", "If", "So", "Yet",
        "He", "She", "It", "They", "We", "You", "I", "His", "Her", "Its", "Their", "Our", "This", "That", "These", "Those",
        "Now", "Then", "Here", "There", "When", "While", "After", "Before", "Since", "Until", "Just", "Almost", "Much",
        "Many", "Some", "Several", "Most", "Other", "Others", "Still", "Even", "Also", "Later", "Last", "Next", "What",
        "Who", "Why", "How", "Where", "Which", "Without", "With", "Among", "Read", "More", "Source", "Home", "Thanks",
        "Sign", "Subscribe", "Related", "Links", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Mr", "Mrs", "Ms", "Dr", "President", "Prime", "Minister", "General", "Gen", "Maj",
    };

    /// <param name="body">The document's text.</param>
    /// <param name="isKnown">Whether a name key (<see cref="NameKey.Normalize"/>) is some entity's name or alias.</param>
    /// <param name="mentions">The known entities' mentions in <paramref name="body"/>.</param>
    public static IReadOnlyList<NewEntitySuggestion> Find(string body, Func<string, bool> isKnown, IReadOnlyList<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(isKnown);
        var found = new Dictionary<string, (string Name, List<SpanView> Spans)>(StringComparer.Ordinal);
        foreach (Match match in CapitalisedRun().Matches(body))
        {
            var (start, end) = Trim(body, match.Index, match.Index + match.Length);
            if (end <= start || !body[start..end].Any(char.IsLetter) || (end - start) < 3)
            {
                continue;
            }

            if (mentions.Any(m => m.Start < end && m.End > start))
            {
                continue;
            }

            var name = string.Join(' ', body[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var key = NameKey.Normalize(name);
            if (key.Length == 0 || isKnown(key))
            {
                continue;
            }

            if (!found.TryGetValue(key, out var entry))
            {
                found[key] = entry = (name, []);
            }

            entry.Spans.Add(new SpanView(start, end));
        }

        return [.. found.Values
            .Where(f => f.Spans.Count >= MinOccurrences)
            .OrderByDescending(f => f.Spans.Count)
            .ThenBy(f => f.Spans[0].Start)
            .Take(MaxCandidates)
            .Select(f => new NewEntitySuggestion(f.Name, f.Spans))];
    }

    /// <summary>Drops common opening words from the front and joining words from the back of a run.</summary>
    private static (int Start, int End) Trim(string body, int start, int end)
    {
        while (start < end)
        {
            var wordEnd = start;
            while (wordEnd < end && !char.IsWhiteSpace(body[wordEnd]))
            {
                wordEnd++;
            }

            var word = body[start..wordEnd].TrimEnd('.', ',', '’', '\'');
            if (!NotNames.Contains(word))
            {
                break;
            }

            start = wordEnd;
            while (start < end && char.IsWhiteSpace(body[start]))
            {
                start++;
            }
        }

        while (end > start)
        {
            var wordStart = end;
            while (wordStart > start && !char.IsWhiteSpace(body[wordStart - 1]))
            {
                wordStart--;
            }

            var word = body[wordStart..end];
            if (word is not ("of" or "the" or "al" or "bin" or "ibn" or "de") && !NotNames.Contains(word))
            {
                break;
            }

            end = wordStart;
            while (end > start && char.IsWhiteSpace(body[end - 1]))
            {
                end--;
            }
        }

        return (start, end);
    }

    [GeneratedRegex(@"\b(?:al-)?\p{Lu}[\p{L}\-]*(?:[ \t]+(?:(?:of|the|al|bin|ibn|de)[ \t]+)?(?:al-)?\p{Lu}[\p{L}\-]*)*")]
    private static partial Regex CapitalisedRun();
}
