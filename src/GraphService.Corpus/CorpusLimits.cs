using System.ComponentModel.DataAnnotations;

namespace GraphService.Corpus;

/// <summary>
/// The bounds within which the importer reads any input, so that no file can make it crash, hang or run out of memory.
/// Each limit is documented in docs/corpus-format.md ("Limits"), and a problem caused by one names it. YAML aliases and
/// anchors, and a second YAML document in one file, are not accepted at all (they are reported, not bounded).
/// </summary>
public sealed record CorpusLimits
{
    /// <summary>The default of <see cref="MaxFileBytes"/>: 256 MiB, room for a claims.yaml far larger than the sample corpus.</summary>
    public const long DefaultMaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The default of <see cref="MaxYamlDepth"/>: far deeper than the format's four levels, far shallower than the stack.</summary>
    public const int DefaultMaxYamlDepth = 64;

    /// <summary>The default of <see cref="MaxProblems"/>.</summary>
    public const int DefaultMaxProblems = 1000;

    /// <summary>The limits with their defaults.</summary>
    public static CorpusLimits Default { get; } = new();

    /// <summary>
    /// The largest corpus file (YAML or document) read, in bytes. No more than this many bytes (plus one, to tell) are
    /// ever read from a file, whatever it is. At most 1 GiB, the most a .NET string can hold as decoded text.
    /// </summary>
    [Range(1, 1L << 30)]
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>
    /// The deepest nesting of YAML lists and mappings accepted in any file. The format needs four levels (a list of
    /// claims, a claim, its evidence list, an evidence item); the parser's node tree is built recursively, so the bound
    /// also keeps the stack safe. At most 1,000.
    /// </summary>
    [Range(1, 1000)]
    public int MaxYamlDepth { get; init; } = DefaultMaxYamlDepth;

    /// <summary>
    /// The most problems listed. Checking goes on past it, and one final problem counts those not listed.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxProblems { get; init; } = DefaultMaxProblems;
}
