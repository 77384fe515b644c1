using System.Threading.RateLimiting;

namespace GraphService.Api.Http;

/// <summary>
/// A fixed-window limiter whose refusals say how long is left of the current window. The framework's
/// <see cref="FixedWindowRateLimiter"/> refuses with the whole window as RetryAfter, however much of it has passed; with
/// AutoReplenishment its timer starts when it is created and fires once per window, so the window ends at
/// created + n × window, which this wrapper counts down to.
/// </summary>
public sealed class WindowCountdownLimiter : RateLimiter
{
    private readonly FixedWindowRateLimiter _inner;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly long _created;

    public WindowCountdownLimiter(FixedWindowRateLimiterOptions options, TimeProvider time)
    {
        if (!options.AutoReplenishment)
        {
            throw new ArgumentException("The countdown follows the limiter's own replenishment timer; AutoReplenishment must be on.", nameof(options));
        }

        _time = time;
        _created = time.GetTimestamp();
        _window = options.Window;
        _inner = new FixedWindowRateLimiter(options);
    }

    public override TimeSpan? IdleDuration => _inner.IdleDuration;

    /// <summary>What is left of the current window, never zero (a client told 0 would retry at once and be refused again).</summary>
    public TimeSpan Remaining()
    {
        var elapsed = _time.GetElapsedTime(_created).Ticks % _window.Ticks;
        return TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, _window.Ticks - elapsed));
    }

    public override RateLimiterStatistics? GetStatistics() => _inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Countdown(_inner.AttemptAcquire(permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        Countdown(await _inner.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore() => _inner.DisposeAsync();

    private RateLimitLease Countdown(RateLimitLease lease) => lease.IsAcquired ? lease : new RefusedLease(lease, Remaining());

    /// <summary>The inner refusal with RetryAfter replaced by what is left of the window.</summary>
    private sealed class RefusedLease(RateLimitLease inner, TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => inner.MetadataNames.Append(MetadataName.RetryAfter.Name).Distinct(StringComparer.Ordinal);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            return inner.TryGetMetadata(metadataName, out metadata);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
