namespace GraphService.Core.Traversal;

/// <summary>
/// Many strings in one character array with offsets: no object per string, so that millions of relationship ids cost
/// their characters and four bytes each, and the garbage collector has two arrays to look at instead of millions of
/// strings. A string is materialised only when it is read (for the few relationships of an answer).
/// </summary>
public sealed class StringTable : IReadOnlyList<string>
{
    private readonly char[] _chars;
    private readonly int[] _offsets;

    public StringTable(IReadOnlyList<string> strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        _offsets = new int[strings.Count + 1];
        long total = 0;
        for (var i = 0; i < strings.Count; i++)
        {
            total += strings[i].Length;
            _offsets[i + 1] = checked((int)total);
        }

        _chars = new char[total];
        for (var i = 0; i < strings.Count; i++)
        {
            strings[i].CopyTo(0, _chars, _offsets[i], strings[i].Length);
        }
    }

    private StringTable(char[] chars, int[] offsets) => (_chars, _offsets) = (chars, offsets);

    /// <summary>A table over characters already laid end to end: string i is chars[offsets[i]..offsets[i+1]].</summary>
    public static StringTable FromBuffer(ReadOnlySpan<char> chars, int[] offsets) => new(chars.ToArray(), offsets);

    /// <summary>A table over arrays it takes as they are (no copy): string i is chars[offsets[i]..offsets[i+1]].</summary>
    internal static StringTable FromArrays(char[] chars, int[] offsets)
    {
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != chars.Length)
        {
            throw new ArgumentException("the offsets do not cover the characters", nameof(offsets));
        }

        return new(chars, offsets);
    }

    internal ReadOnlySpan<char> Characters => _chars;

    internal ReadOnlySpan<int> Offsets => _offsets;

    public int Count => _offsets.Length - 1;

    public string this[int index] => new(Span(index));

    public ReadOnlySpan<char> Span(int index) => _chars.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>The index of <paramref name="value"/> in a table sorted ordinally, or -1.</summary>
    public int IndexOfSorted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var c = Span(mid).SequenceCompareTo(value.AsSpan());
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
