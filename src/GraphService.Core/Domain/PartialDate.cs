using System.Globalization;

namespace GraphService.Core.Domain;

/// <summary>
/// A date known to the year, the month or the day: corpora say "2007" as often as "2007-01-20".
/// Written and parsed as ISO 8601 prefixes (YYYY, YYYY-MM, YYYY-MM-DD).
/// </summary>
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null) : IComparable<PartialDate>
{
    /// <summary>The first day the value can mean ("2007" → 2007-01-01).</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>
    /// The day a partial date stands for in an as-of filter: its first day ("as of 2007" = 2007-01-01), so that a
    /// relationship known only to start "2007" holds and one known to end "2006" does not. Every host uses this rule.
    /// </summary>
    public DateOnly AsOfDay => Earliest;

    /// <summary>The last day the value can mean ("2007" → 2007-12-31).</summary>
    public DateOnly Latest => Day is int d
        ? new DateOnly(Year, Month!.Value, d)
        : Month is int m
            ? new DateOnly(Year, m, DateTime.DaysInMonth(Year, m))
            : new DateOnly(Year, 12, 31);

    public static bool TryParse(string? text, out PartialDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        for (var i = 0; i < formats.Length; i++)
        {
            if (s.Length == formats[i].Length &&
                DateTime.TryParseExact(s, formats[i], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
            {
                value = i switch
                {
                    0 => new PartialDate(dt.Year, dt.Month, dt.Day),
                    1 => new PartialDate(dt.Year, dt.Month),
                    _ => new PartialDate(dt.Year),
                };
                return true;
            }
        }

        return false;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");

    public int CompareTo(PartialDate other) => Earliest.CompareTo(other.Earliest) is var c && c != 0
        ? c
        : Latest.CompareTo(other.Latest);

    public override string ToString() => Day is int d
        ? $"{Year:D4}-{Month:D2}-{d:D2}"
        : Month is int m ? $"{Year:D4}-{m:D2}" : $"{Year:D4}";
}
