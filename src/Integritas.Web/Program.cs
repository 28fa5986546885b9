using Integritas.Web.Hosting;

var app = IntegritasHost.Build(args);
await IntegritasHost.PrepareAsync(app);
await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
