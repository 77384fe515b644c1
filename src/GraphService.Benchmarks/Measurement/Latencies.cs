using System.Globalization;

namespace GraphService.Benchmarks.Measurement;

/// <summary>
/// Per-query wall times of one measured run, in milliseconds, and its percentiles by the nearest-rank rule
/// (p99 of 200 values is the 198th smallest), so that every figure printed is one that was actually measured.
/// </summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private double[]? _sorted;

    public int Count => _milliseconds.Count;

    public void Add(long startTimestamp, long endTimestamp)
    {
        _milliseconds.Add((endTimestamp - startTimestamp) * 1000.0 / System.Diagnostics.Stopwatch.Frequency);
        _sorted = null;
    }

    public double Percentile(double q)
    {
        if (_milliseconds.Count == 0)
        {
            throw new InvalidOperationException("no measurements");
        }

        _sorted ??= [.. _milliseconds.Order()];
        var rank = (int)Math.Ceiling(q * _sorted.Length);
        return _sorted[Math.Clamp(rank, 1, _sorted.Length) - 1];
    }

    public double Max => Percentile(1.0);

    public double Mean => _milliseconds.Average();

    public static string Ms(double milliseconds) => milliseconds switch
    {
        < 1 => milliseconds.ToString("F3", CultureInfo.InvariantCulture),
        < 100 => milliseconds.ToString("F2", CultureInfo.InvariantCulture),
        _ => milliseconds.ToString("F0", CultureInfo.InvariantCulture),
    };

    public static string Ratio(double service, double reference) =>
        reference > 0 ? (service / reference).ToString("F2", CultureInfo.InvariantCulture) + "x" : "n/a";
}
