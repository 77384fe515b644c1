using System.Globalization;

namespace GraphService.Benchmarks;

/// <summary>
/// The options of a mode: <c>--name value</c> pairs and bare <c>--flag</c>s. A name the mode does not know is an error,
/// so that a mistyped option never silently falls back to its default.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known;

    public BenchArguments(IReadOnlyList<string> args, IEnumerable<string> known)
    {
        _known = new HashSet<string>(known, StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected an option such as --name value, got '{args[i]}'");
            }

            var name = args[i][2..];
            if (!_known.Contains(name))
            {
                throw new ArgumentException($"unknown option --{name} (known: {string.Join(", ", _known.Order(StringComparer.Ordinal).Select(k => "--" + k))})");
            }

            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[name] = hasValue ? args[++i] : null;
        }
    }

    public bool Has(string name) => _values.ContainsKey(Known(name));

    public string? String(string name) => _values.TryGetValue(Known(name), out var value)
        ? value ?? throw new ArgumentException($"--{name} needs a value")
        : null;

    public string RequiredString(string name) => String(name) ?? throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback, int min = 0)
    {
        if (String(name) is not string text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new ArgumentException($"--{name} must be a whole number of at least {min}, got '{text}'");
        }

        return value;
    }

    private string Known(string name) =>
        _known.Contains(name) ? name : throw new InvalidOperationException($"the mode reads an option it does not declare: --{name}");
}
