using GraphService.Cli;

// The CLI's whole surface is defined in GraphCli; this file only hands it the process's arguments and console.
return await GraphCli.RunAsync(
    args,
    Console.Out,
    Console.Error,
    Environment.CurrentDirectory,
    Environment.GetEnvironmentVariable("GRAPH_STORE"),
    CancellationToken.None,
    errorIsTerminal: !Console.IsErrorRedirected,
    term: Environment.GetEnvironmentVariable("TERM"));
