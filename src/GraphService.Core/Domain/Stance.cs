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
