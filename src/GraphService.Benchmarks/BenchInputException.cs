namespace GraphService.Benchmarks;

/// <summary>Input the benchmark cannot use, reported as <c>path:line: message</c> (line 0 when it concerns the whole file).</summary>
internal sealed class BenchInputException : Exception
{
    public BenchInputException(string path, int line, string message)
        : base($"{path}:{line}: {message}")
    {
    }

    public BenchInputException()
    {
    }

    public BenchInputException(string message)
        : base(message)
    {
    }

    public BenchInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
