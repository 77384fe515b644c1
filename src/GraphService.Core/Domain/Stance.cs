using System.Reflection;
using System.Text.Json.Serialization;

namespace GraphService.Core.Domain;

/// <summary>Whether a cited passage supports a claim or disputes it (a denial is evidence too).</summary>
public enum Stance
{
    [JsonStringEnumMemberName("supports")]
    Supports,
    [JsonStringEnumMemberName("disputes")]
    Disputes,
}

/// <summary>
/// The one spelling of each stance, wherever a stance is written as a word (corpus files, store columns, Cypher
/// properties, reports): the enum's JSON name, so the API's JSON and every other spelling agree.
/// </summary>
public static class StanceWords
{
    private static readonly (Stance Stance, string Word)[] Words =
    [
        .. Enum.GetValues<Stance>().Select(s => (s, typeof(Stance).GetField(s.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name)),
    ];

    /// <summary>The words, in enum order, for messages such as "allowed: supports, disputes".</summary>
    public static IReadOnlyList<string> All { get; } = [.. Words.Select(w => w.Word)];

    public static string ToWord(this Stance stance)
    {
        foreach (var (s, word) in Words)
        {
            if (s == stance)
            {
                return word;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(stance), stance, "unknown stance");
    }

    // The words' UTF-8, for readers of stored rows that match a word without making a string of it.
    private static readonly (Stance Stance, byte[] Utf8)[] Utf8Words = [.. Words.Select(w => (w.Stance, System.Text.Encoding.UTF8.GetBytes(w.Word)))];

    /// <summary>As <see cref="TryParse(string?, out Stance)"/>, for a word given as its UTF-8 bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Word, out Stance stance)
    {
        foreach (var (s, w) in Utf8Words)
        {
            if (utf8Word.SequenceEqual(w))
            {
                stance = s;
                return true;
            }
        }

        stance = default;
        return false;
    }

    /// <summary>The stance a word names, exactly as <see cref="ToWord"/> writes it; false for anything else.</summary>
    public static bool TryParse(string? word, out Stance stance)
    {
        foreach (var (s, w) in Words)
        {
            if (string.Equals(w, word, StringComparison.Ordinal))
            {
                stance = s;
                return true;
            }
        }

        stance = default;
        return false;
    }
}
