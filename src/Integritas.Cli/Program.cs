using Integritas.Cli;

return await Commands.Build().Parse(args).InvokeAsync();
