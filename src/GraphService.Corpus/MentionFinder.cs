using GraphService.Core.Domain;

namespace GraphService.Corpus;

/// <summary>
/// Finds every occurrence of every entity name and alias in a document body, in one pass over the body.
/// Names and body are compared folded (<see cref="FoldedText"/>) and case-insensitively; a match must begin and end on
/// word boundaries (no letter or digit on both sides of its edge), so "Sadr" is found in "al-Sadr" and "Sadr’s" but not
/// in "Sadrist". Overlapping matches resolve to the longest ("Kata'ib Hezbollah" hides the "Hezbollah" inside it);
/// between equally long overlapping matches the earlier one wins.
/// </summary>
public sealed class MentionFinder
{
    private readonly TrieNode _root = new();

    public MentionFinder(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var entity in entities)
        {
            foreach (var name in entity.Aliases.Prepend(entity.Name))
            {
                AddName(entity.Id, name);
            }
        }
    }

    public IReadOnlyList<Mention> Find(string documentId, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var folded = FoldedText.Fold(body);
        var text = folded.Text;

        // The longest name starting at each word-boundary position.
        var candidates = new List<(int Start, int End, string EntityId)>();
        for (var start = 0; start < text.Length; start++)
        {
            if (!IsBoundary(text, start))
            {
                continue;
            }

            var node = _root;
            (int End, string EntityId)? longest = null;
            for (var i = start; i < text.Length; i++)
            {
                if (!node.Children.TryGetValue(char.ToLowerInvariant(text[i]), out var next))
                {
                    break;
                }

                node = next;
                if (node.EntityId is not null && IsBoundary(text, i + 1))
                {
                    longest = (i + 1, node.EntityId);
                }
            }

            if (longest is var (end, entityId))
            {
                candidates.Add((start, end, entityId));
            }
        }

        // Longest first; a candidate survives only if it overlaps nothing already taken.
        var taken = new List<(int Start, int End, string EntityId)>();
        var covered = new bool[text.Length];
        foreach (var c in candidates.OrderByDescending(c => c.End - c.Start).ThenBy(c => c.Start))
        {
            var free = true;
            for (var i = c.Start; i < c.End && free; i++)
            {
                free = !covered[i];
            }

            if (!free)
            {
                continue;
            }

            for (var i = c.Start; i < c.End; i++)
            {
                covered[i] = true;
            }

            taken.Add(c);
        }

        return [.. taken
            .OrderBy(c => c.Start)
            .Select(c =>
            {
                var (start, end) = folded.ToOriginal(c.Start, c.End);
                return new Mention(c.EntityId, documentId, start, end);
            })];
    }

    private void AddName(string entityId, string name)
    {
        var key = FoldedText.FoldQuote(name).ToLowerInvariant();
        if (key.Length == 0)
        {
            return;
        }

        var node = _root;
        foreach (var ch in key)
        {
            if (!node.Children.TryGetValue(ch, out var next))
            {
                next = new TrieNode();
                node.Children.Add(ch, next);
            }

            node = next;
        }

        // The importer guarantees names are unique across entities; should two collide anyway, the first declared keeps it.
        node.EntityId ??= entityId;
    }

    /// <summary>True when position <paramref name="i"/> (between text[i-1] and text[i]) does not split a word.</summary>
    private static bool IsBoundary(string text, int i) =>
        i == 0 || i == text.Length || !IsWordChar(text[i - 1]) || !IsWordChar(text[i]);

    private static bool IsWordChar(char ch) => char.IsLetterOrDigit(ch);

    private sealed class TrieNode
    {
        public Dictionary<char, TrieNode> Children { get; } = [];

        public string? EntityId { get; set; }
    }
}
