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
    // The names as a trie in flat arrays (node 0 is the root): a node's children are a chain of siblings in ascending
    // order of their character, and the root's children are also indexed by character. An object per node would cost
    // a few hundred bytes for each of the millions of nodes a large corpus's names make.
    private readonly List<char> _label = ['\0'];
    private readonly List<int> _firstChild = [-1];
    private readonly List<int> _nextSibling = [-1];
    private readonly List<int> _entity = [-1];
    private readonly int[] _rootChild = new int[char.MaxValue + 1];
    private readonly List<string> _entityIds = [];

    public MentionFinder(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);

        // The importer guarantees names are unique across entities; should two collide anyway, the first declared keeps it.
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var index = _entityIds.Count;
            _entityIds.Add(entity.Id);
            foreach (var name in entity.Aliases.Prepend(entity.Name))
            {
                var key = FoldedText.FoldQuote(name).ToLowerInvariant();
                if (key.Length > 0)
                {
                    owners.TryAdd(key, index);
                }
            }
        }

        Array.Fill(_rootChild, -1);
        var keys = owners.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);

        // Sorted keys make every new node the last child of its parent: the previous key's path says where to attach it.
        var path = new List<int> { 0 };
        var previous = string.Empty;
        foreach (var key in keys)
        {
            var shared = 0;
            while (shared < key.Length && shared < previous.Length && key[shared] == previous[shared])
            {
                shared++;
            }

            path.RemoveRange(shared + 1, path.Count - shared - 1);
            for (var depth = shared; depth < key.Length; depth++)
            {
                var parent = path[depth];
                var node = _label.Count;
                _label.Add(key[depth]);
                _firstChild.Add(-1);
                _nextSibling.Add(-1);
                _entity.Add(-1);
                if (_firstChild[parent] < 0)
                {
                    _firstChild[parent] = node;
                }
                else
                {
                    // The previous key went on from this parent through its (so far) last child.
                    var last = _firstChild[parent];
                    while (_nextSibling[last] >= 0)
                    {
                        last = _nextSibling[last];
                    }

                    _nextSibling[last] = node;
                }

                if (parent == 0)
                {
                    _rootChild[key[depth]] = node;
                }

                path.Add(node);
            }

            _entity[path[key.Length]] = owners[key];
            previous = key;
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

            var node = 0;
            (int End, string EntityId)? longest = null;
            for (var i = start; i < text.Length; i++)
            {
                node = Child(node, char.ToLowerInvariant(text[i]));
                if (node < 0)
                {
                    break;
                }

                if (_entity[node] >= 0 && IsBoundary(text, i + 1))
                {
                    longest = (i + 1, _entityIds[_entity[node]]);
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

    /// <summary>The child of <paramref name="node"/> for <paramref name="c"/>; -1 when there is none.</summary>
    private int Child(int node, char c)
    {
        if (node == 0)
        {
            return _rootChild[c];
        }

        for (var child = _firstChild[node]; child >= 0; child = _nextSibling[child])
        {
            var label = _label[child];
            if (label == c)
            {
                return child;
            }

            if (label > c)
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>True when position <paramref name="i"/> (between text[i-1] and text[i]) does not split a word.</summary>
    private static bool IsBoundary(string text, int i) =>
        i == 0 || i == text.Length || !IsWordChar(text[i - 1]) || !IsWordChar(text[i]);

    private static bool IsWordChar(char ch) => char.IsLetterOrDigit(ch);
}
