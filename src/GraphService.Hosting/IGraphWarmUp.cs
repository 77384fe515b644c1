namespace GraphService.Hosting;

/// <summary>
/// What a host does once the store has prepared a graph and before <see cref="GraphReadiness"/> reports it ready, so that
/// the first client's request does not pay for it (the API sends warm-up requests through its own pipeline). A warm-up
/// handles its own expected failures; whatever it throws fails the preparation, which readiness retries.
/// </summary>
public interface IGraphWarmUp
{
    Task WarmUpAsync(string graphVersion, CancellationToken cancellationToken);
}
