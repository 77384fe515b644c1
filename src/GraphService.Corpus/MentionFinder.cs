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
    // The names as a trie in flat arrays (node 0 is the root), numbered breadth first so that a node's children are
    // consecutive (_childStart[n] up to _childStart[n + 1]) in ascending order of their character: finding a child reads
    // one short run of labels instead of following a chain of siblings spread over the arrays (a cache miss per sibling,
    // which made most of the search's time at 200,000 names). The root's children are also indexed by character. An
    // object per node would cost a few hundred bytes for each of the millions of nodes a large corpus's names make.
    private readonly char[] _label;
    private readonly int[] _childStart;
    private readonly int[] _entity;
    private readonly int[] _rootChild = new int[char.MaxValue + 1];
    private readonly string[] _entityIds;

    public MentionFinder(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        List<char> label = ['\0'];
        List<int> firstChild = [-1];
        List<int> nextSibling = [-1];
        List<int> entity = [-1];
        List<string> entityIds = [];

        // The importer guarantees names are unique across entities; should two collide anyway, the first declared keeps it.
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            var index = entityIds.Count;
            entityIds.Add(e.Id);
            foreach (var name in e.Aliases.Prepend(e.Name))
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
                var node = label.Count;
                label.Add(key[depth]);
                firstChild.Add(-1);
                nextSibling.Add(-1);
                entity.Add(-1);
                if (firstChild[parent] < 0)
                {
                    firstChild[parent] = node;
                }
                else
                {
                    // The previous key went on from this parent through its (so far) last child.
                    var last = firstChild[parent];
                    while (nextSibling[last] >= 0)
                    {
                        last = nextSibling[last];
                    }

                    nextSibling[last] = node;
                }

                path.Add(node);
            }

            entity[path[key.Length]] = owners[key];
            previous = key;
        }

        // Renumbered breadth first: the children of each node, taken in sibling order, get consecutive numbers.
        var count = label.Count;
        _label = new char[count];
        _entity = new int[count];
        _childStart = new int[count + 1];
        var renumbered = new int[count];
        var next = 1;
        for (var at = 0; at < count; at++)
        {
            // Nodes are visited in their new order: old node order[at] is new node at.
            var old = at == 0 ? 0 : renumbered[at];
            _childStart[at] = next;
            for (var child = firstChild[old]; child >= 0; child = nextSibling[child])
            {
                renumbered[next] = child;
                _label[next] = label[child];
                _entity[next] = entity[child];
                if (at == 0)
                {
                    _rootChild[label[child]] = next;
                }

                next++;
            }
        }

        _childStart[count] = next;
        _entity[0] = entity[0];
        _entityIds = [.. entityIds];
    }

    public IReadOnlyList<Mention> Find(string documentId, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var folded = FoldedText.Fold(body);
        var text = folded.Text;

        // The longest name starting at each word-boundary position, in order of position.
        var candidates = new List<(int Start, int End, int Entity)>();
        var previousIsWord = false;
        var overlapping = false;
        var reached = 0;
        for (var start = 0; start < text.Length; start++)
        {
            // A boundary (see IsBoundary) with the previous character's class carried along instead of tested again.
            var isWord = IsWordChar(text[start]);
            var boundary = !previousIsWord || !isWord;
            previousIsWord = isWord;
            if (!boundary)
            {
                continue;
            }

            var node = 0;
            var longestEnd = -1;
            var longestEntity = -1;
            for (var i = start; i < text.Length; i++)
            {
                node = Child(node, char.ToLowerInvariant(text[i]));
                if (node < 0)
                {
                    break;
                }

                if (_entity[node] >= 0 && IsBoundary(text, i + 1))
                {
                    longestEnd = i + 1;
                    longestEntity = _entity[node];
                }
            }

            if (longestEnd >= 0)
            {
                overlapping |= start < reached;
                reached = Math.Max(reached, longestEnd);
                candidates.Add((start, longestEnd, longestEntity));
            }
        }

        if (overlapping)
        {
            candidates = Resolve(candidates, text.Length);
        }

        var mentions = new Mention[candidates.Count];
        for (var k = 0; k < mentions.Length; k++)
        {
            var (start, end, entity) = candidates[k];
            var (originalStart, originalEnd) = folded.ToOriginal(start, end);
            mentions[k] = new Mention(_entityIds[entity], documentId, originalStart, originalEnd);
        }

        return mentions;
    }

    /// <summary>
    /// The candidates (in order of position) that survive when some overlap: longest first, then earliest, each taken
    /// only if it overlaps nothing already taken; in order of position. Without overlaps every candidate survives, so
    /// this runs only for documents that have some.
    /// </summary>
    private static List<(int Start, int End, int Entity)> Resolve(List<(int Start, int End, int Entity)> candidates, int length)
    {
        var byLength = candidates.ToArray();
        Array.Sort(byLength, static (a, b) => (b.End - b.Start) != (a.End - a.Start) ? (b.End - b.Start).CompareTo(a.End - a.Start) : a.Start.CompareTo(b.Start));
        var taken = new List<(int Start, int End, int Entity)>();
        var covered = new bool[length];
        foreach (var c in byLength)
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

        taken.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }

    /// <summary>The child of <paramref name="node"/> for <paramref name="c"/>; -1 when there is none.</summary>
    private int Child(int node, char c)
    {
        if (node == 0)
        {
            return _rootChild[c];
        }

        for (int child = _childStart[node], end = _childStart[node + 1]; child < end; child++)
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
