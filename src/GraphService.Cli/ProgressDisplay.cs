using System.Collections.Concurrent;
using GraphService.Core.Progress;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GraphService.Cli;

/// <summary>
/// Whether a command shows its progress, and how: on stderr, with Spectre.Console, only when stderr is a terminal
/// (not redirected to a file or a pipe, and TERM is not <c>dumb</c>) and no <c>--no-progress</c> or <c>--json</c> asks
/// for machine-readable output. Stdout is never touched, so what a command prints there and its exit code do not
/// depend on it. Any command that reports <see cref="WorkProgress"/> (import, validate, export, and later suggest)
/// runs its work through <see cref="RunAsync{T}"/>.
/// </summary>
public sealed class ProgressDisplay
{
    private readonly TextWriter? _terminal;

    private ProgressDisplay(TextWriter? terminal) => _terminal = terminal;

    /// <summary>The display that draws nothing.</summary>
    public static ProgressDisplay Silent { get; } = new(null);

    public bool Shown => _terminal is not null;

    /// <summary>The decision, apart from any console so that it can be tested without a terminal.</summary>
    public static bool ShouldShow(bool errorIsTerminal, string? term, bool noProgress, bool json) =>
        errorIsTerminal && !noProgress && !json && !string.Equals(term, "dumb", StringComparison.Ordinal);

    /// <summary>A display drawing on <paramref name="error"/> when <see cref="ShouldShow"/> says so; else <see cref="Silent"/>.</summary>
    public static ProgressDisplay For(TextWriter error, bool errorIsTerminal, string? term, bool noProgress, bool json) =>
        ShouldShow(errorIsTerminal, term, noProgress, json) ? new ProgressDisplay(error) : Silent;

    /// <summary>
    /// Runs <paramref name="work"/>, drawing every step it reports (count, total when known, elapsed time) while it runs;
    /// when the display is silent the work gets no progress sink at all.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<IProgress<WorkProgress>?, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_terminal is null)
        {
            return await work(null).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_terminal),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Detect,
        });
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new CountColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var sink = new TaskSink(context);
                var result = await work(sink).ConfigureAwait(false);
                sink.CompleteAll();
                return result;
            })
            .ConfigureAwait(false);
    }

    /// <summary>Turns each reported step into one progress task, made when the step is first reported.</summary>
    private sealed class TaskSink(ProgressContext context) : IProgress<WorkProgress>
    {
        private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void Report(WorkProgress value)
        {
            var task = _tasks.GetOrAdd(value.Step, step => context.AddTask(Markup.Escape(step), autoStart: true, maxValue: 1));
            task.IsIndeterminate = value.Total is null;
            task.MaxValue = Math.Max(1, value.Total ?? value.Done);
            task.Value = value.Done;
        }

        public void CompleteAll()
        {
            foreach (var task in _tasks.Values)
            {
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    /// <summary>"12,345 / 50,000", or the count alone while the total is unknown.</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.IsIndeterminate ? $"{task.Value:N0}" : $"{task.Value:N0} / {task.MaxValue:N0}");
    }
}
