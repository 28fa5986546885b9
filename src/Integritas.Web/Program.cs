using Integritas.Web.Hosting;

// Migrations, demo data and the first-run check run in DatabaseStartup before the server listens.
await IntegritasHost.Build(args).RunAsync();

/// <summary>The entry point, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
