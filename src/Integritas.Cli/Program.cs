namespace Integritas.Cli;

/// <summary>The <c>integritas</c> command. Not top-level statements: the web host already owns the global <c>Program</c>.</summary>
public static class EntryPoint
{
    public static async Task<int> Main(string[] args) => await Commands.Build().Parse(args).InvokeAsync();
}
