using System.Text;
using CsCheck;

namespace GraphService.Corpus.Tests;

/// <summary>The ways <see cref="ImporterFuzzTests"/> damages a corpus file.</summary>
public enum MutationKind
{
    Truncate,
    StraySyntax,
    InvalidUtf8,
    Tab,
    DeleteLine,
    DuplicateLine,
    OddUnicode,
    ByteFlip,
    DeepNesting,
    DocumentMarker,
}

/// <summary>
/// One change to one file of a corpus: <see cref="File"/> indexes the corpus's files, <see cref="Where"/> picks a place
/// (a byte, a line or the start of a value, taken modulo their number) and <see cref="What"/> picks what goes there.
/// Plain numbers, so that CsCheck can shrink a failing case towards the first file, the first place and the first payload.
/// </summary>
public sealed record CorpusMutation(int File, MutationKind Kind, int Where, int What)
{
    /// <summary>YAML syntax that may turn up at the start of a value: indicators, anchors, aliases, tags, block scalars.</summary>
    private static readonly string[] StrayTokens =
    [
        "[", "]", "{", "}", ",", "&a ", "*a ", "&", "*", "!", "!!binary ", "!<tag:x> ", "|", ">", "|-\n", "\"", "'",
        "%", "@", "`", "? ", ": ", "- ", "#", "<<: ", "{a: [", "[{", "\\", "&a [", "--- ", "... ",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0x80], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    /// <summary>Characters that trip up text handling: bidi controls, combining marks, astral characters (surrogate
    /// pairs in UTF-16), byte-order marks, NUL and other controls, and every line break YAML knows.</summary>
    private static readonly string[] OddUnicode =
    [
        "\u200F", "\u202E", "\u061C", "\u0301", "e\u0301\u0302\u0303", "\u034F", "\uFEFF", "\u0000", "\u0007", "\u007F",
        "\u009B", "\U0001F600", "\U0010FFFD", "\u2028", "\u2029", "\u0085", "\r", "\r\n", "\u00A0", "\uFFFD", "\uFFFE",
        "\uE000", "\u200B", "\u00AD",
    ];

    private static readonly string[] Markers = ["---\n", "...\n", "--- x\n", "---", "%YAML 1.2\n---\n"];

    /// <summary>1 to 4 mutations of a corpus with <paramref name="files"/> files.</summary>
    public static Gen<CorpusMutation[]> Generator(int files) =>
        Gen.Select(Gen.Int[0, files - 1], Gen.Enum<MutationKind>(), Gen.Int[0, int.MaxValue], Gen.Int[0, 999], (f, k, w, x) => new CorpusMutation(f, k, w, x))
            .Array[1, 4];

    public byte[] Apply(byte[] bytes) => Kind switch
    {
        MutationKind.Truncate => bytes[..(Where % (bytes.Length + 1))],
        MutationKind.StraySyntax => Insert(bytes, At(ValueStarts(bytes)), Encoding.UTF8.GetBytes(StrayTokens[What % StrayTokens.Length])),
        MutationKind.InvalidUtf8 => Insert(bytes, Where % (bytes.Length + 1), InvalidUtf8[What % InvalidUtf8.Length]),
        MutationKind.Tab => Insert(bytes, At(What % 2 == 0 ? LineStarts(bytes) : ValueStarts(bytes)), "\t"u8.ToArray()),
        MutationKind.DeleteLine => ReplaceLine(bytes, line => []),
        MutationKind.DuplicateLine => ReplaceLine(bytes, line => [.. line, .. line]),
        MutationKind.OddUnicode => Insert(bytes, What % 3 == 0 ? Where % (bytes.Length + 1) : At(ValueStarts(bytes)), Encoding.UTF8.GetBytes(OddUnicode[What % OddUnicode.Length])),
        MutationKind.ByteFlip => bytes.Length == 0 ? bytes : Flip(bytes, Where % bytes.Length, (byte)What),
        MutationKind.DeepNesting => Insert(bytes, At(ValueStarts(bytes)), Encoding.ASCII.GetBytes(new string(What % 2 == 0 ? '[' : '{', 1 + (What * 50)))),
        MutationKind.DocumentMarker => Insert(bytes, At(LineStarts(bytes)), Encoding.ASCII.GetBytes(Markers[What % Markers.Length])),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown mutation"),
    };

    public string Describe(IReadOnlyList<string> files) => $"{Kind} in {files[File]} (where {Where}, what {What})";

    private int At(List<int> places) => places[Where % places.Count];

    /// <summary>Line starts, and the places just after ": " and "- ", where YAML values begin.</summary>
    private static List<int> ValueStarts(byte[] bytes)
    {
        var places = LineStarts(bytes);
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] is (byte)':' or (byte)'-' && bytes[i + 1] == (byte)' ')
            {
                places.Add(i + 2);
            }
        }

        return places;
    }

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private byte[] ReplaceLine(byte[] bytes, Func<byte[], byte[]> replace)
    {
        var starts = LineStarts(bytes);
        var line = Where % starts.Count;
        var start = starts[line];
        var end = line + 1 < starts.Count ? starts[line + 1] : bytes.Length;
        return [.. bytes[..start], .. replace(bytes[start..end]), .. bytes[end..]];
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];

    private static byte[] Flip(byte[] bytes, int at, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] = value;
        return copy;
    }
}
