using System.Globalization;
using System.Threading.RateLimiting;
using Integritas.Data;
using Integritas.Data.Audit;
using Integritas.Web.Features.Account;
using Integritas.Web.Features.Budget;
using Integritas.Web.Features.Complaints;
using Integritas.Web.Features.Evidence;
using Integritas.Web.Features.Ledger;
using Integritas.Web.Features.Notifications;
using Integritas.Web.Features.Open311;
using Integritas.Web.Features.Organisation;
using Integritas.Web.Features.Performance;
using Integritas.Web.Features.Procurement.Ocds;
using Integritas.Web.Features.Rewards;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Integritas.Web.Hosting;

/// <summary>Builds the web application. Kept out of Program.cs so the CLI and tests compose the same services.</summary>
public static class IntegritasHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddServices(builder.Services, builder.Configuration, builder.Environment.ContentRootPath);

        builder.Services.AddRazorPages(options =>
        {
            // Pages live beside their feature's code: Features/<Feature>/*.cshtml.
            options.RootDirectory = "/Features";
            options.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
            options.Conventions.AuthorizeFolder("/Audit", Policies.ReadAudit);
            options.Conventions.AuthorizePage("/Evidence/Upload", Policies.Staff);
            options.Conventions.AuthorizePage("/Evidence/PackageEdit", Policies.Staff);
            options.Conventions.AuthorizePage("/Evidence/ReviewQueue", Policies.Staff);
            options.Conventions.AddPageRoute("/Evidence/PackageEdit", "/admin/paket/baru");
            options.Conventions.AuthorizePage("/Complaints/Queue", Policies.Staff);
            options.Conventions.AuthorizePage("/Complaints/Handle", Policies.Staff);
            options.Conventions.AuthorizePage("/Complaints/Leadership", Policies.Staff);
            options.Conventions.AuthorizePage("/Complaints/Settings", Policies.Staff);
            options.Conventions.AuthorizePage("/Performance/Workspace", Policies.Staff);
            options.Conventions.AuthorizePage("/Performance/AgreementAdmin", Policies.Staff);
            options.Conventions.AuthorizePage("/Performance/ReportEdit", Policies.Staff);
            options.Conventions.AuthorizePage("/Performance/PlanEdit", Policies.Staff);
            options.Conventions.AuthorizePage("/Performance/LkeList", Policies.Staff);
            options.Conventions.AuthorizePage("/Performance/LkeSheet", Policies.Staff);
            options.Conventions.AuthorizePage("/Performance/PlanImportPage", Policies.Staff);
            options.Conventions.AuthorizePage("/Rewards/Ledger", Policies.Staff);
            options.Conventions.AuthorizePage("/Procurement/Manage", Policies.Staff);
            options.Conventions.AuthorizePage("/Procurement/Accounts", Policies.Staff);

            // Reports and their messages carry several photos: more than Kestrel's 30 MB default may be needed.
            var complaints = builder.Configuration.GetSection(ComplaintOptions.Section).Get<ComplaintOptions>() ?? new();
            foreach (var page in new[] { "/Complaints/Report", "/Complaints/Track", "/Complaints/Handle" })
            {
                options.Conventions.AddPageApplicationModelConvention(page, model =>
                {
                    model.EndpointMetadata.Add(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(complaints.MaxRequestBytes));
                    model.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = complaints.MaxRequestBytes });
                });
            }

            // Evidence uploads may be videos: lift the request and form limits for that page only.
            var evidence = builder.Configuration.GetSection(EvidenceOptions.Section).Get<EvidenceOptions>() ?? new();
            options.Conventions.AddPageApplicationModelConvention("/Evidence/Upload", model =>
            {
                model.EndpointMetadata.Add(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(evidence.MaxRequestBytes));
                model.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = evidence.MaxRequestBytes });
            });
        });
        builder.Services.AddHostedService<Features.Ledger.LedgerPendingRetry>();
        builder.Services.AddNotificationJobs();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Integritas API";
            document.Info.Description = "Data terbuka dan API Integritas / Integritas open data and API.";
            return Task.CompletedTask;
        }));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<IntegritasDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"]);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            // HSTS is off in Development anyway; clearing the localhost exclusion lets tests see the header.
            o.ExcludedHosts.Clear();
        });
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHostedService<Features.Budget.Import.BudgetImportWorker>();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection($"{IntegritasOptions.Section}:{nameof(IntegritasOptions.KnownProxies)}").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "integritas.af");

        var options = builder.Configuration.GetSection(IntegritasOptions.Section).Get<IntegritasOptions>() ?? new IntegritasOptions();
        builder.Services.AddDataProtection()
            .SetApplicationName("Integritas")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.ResolveDataDirectory(builder.Environment.ContentRootPath), "keys")));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Only anonymous POSTs are limited: sign-in attempts, public submissions. Open311 creates and voucher
                // consumption are not anonymous: those endpoints do nothing without a valid API key (checked there),
                // and one keyed client — a city app's server, a tax office — acts for many people from one address.
                if (!HttpMethods.IsPost(context.Request.Method) || context.User.Identity?.IsAuthenticated == true
                    || context.Request.Path.StartsWithSegments(Open311Api.Root) || context.Request.Path.StartsWithSegments(Features.Rewards.VoucherApi.Root))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var permits = context.RequestServices.GetRequiredService<IOptions<IntegritasOptions>>().Value.PublicPostPermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Terlalu banyak permintaan / Too many requests",
                        Detail = "Coba lagi dalam satu menit / Try again in a minute.",
                    },
                });
            };
        });

        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>Services shared by the web host and the <c>integritas</c> CLI.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<IntegritasOptions>(configuration.GetSection(IntegritasOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddIntegritasDatabase(configuration, contentRoot);
        services.AddIntegritasIdentity();
        services.AddSingleton<Ui>();
        services.AddSingleton<FirstRunSetup>();
        services.AddScoped<UserProvisioning>();
        services.AddScoped<OrganisationImporter>();
        services.Configure<Features.Ledger.LedgerOptions>(configuration.GetSection(Features.Ledger.LedgerOptions.Section));
        services.AddSingleton<Features.Ledger.LedgerKeys>();
        services.AddSingleton<Features.Ledger.LedgerProofCache>();
        services.AddSingleton<Features.Ledger.LedgerSequencer>();
        services.AddSingleton<Features.Ledger.LedgerProofServer>();
        services.AddScoped<Features.Ledger.LedgerReader>();
        services.Configure<EvidenceOptions>(configuration.GetSection(EvidenceOptions.Section));
        services.Configure<MapOptions>(configuration.GetSection(MapOptions.Section));
        services.AddSingleton<Hosting.Storage.IBlobStore>(sp => new Hosting.Storage.FileSystemBlobStore(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntegritasOptions>>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddScoped<EvidenceService>();
        services.AddScoped<EvidenceIntegrity>();
        services.Configure<Features.Complaints.ComplaintOptions>(configuration.GetSection(Features.Complaints.ComplaintOptions.Section));
        services.AddSingleton<Hosting.Geo.VillageLocator>();
        services.AddSingleton<Features.Complaints.ComplaintReferenceCache>();
        services.AddScoped<Features.Complaints.ComplaintClock>();
        services.AddScoped<Features.Complaints.ComplaintPhotos>();
        services.AddSingleton<Features.Complaints.ComplaintLedgerAppender>();
        services.AddSingleton<Features.Complaints.ComplaintCreateBatcher>();
        services.AddScoped<Features.Complaints.ComplaintLedger>();
        services.AddScoped<Features.Complaints.ComplaintIntake>();
        services.AddScoped<Features.Complaints.ComplaintWorkflow>();
        services.AddScoped<Features.Complaints.ComplaintStatistics>();
        services.AddNotifications(configuration);
        services.AddSingleton<Features.Open311.ApiKeys.Cache>();
        services.AddScoped<Features.Open311.ApiKeys>();
        services.AddScoped<Features.Performance.Planning>();
        services.AddScoped<Features.Performance.Scorecards>();
        services.AddScoped<Features.Performance.IndicatorData>();
        services.AddScoped<Features.Performance.Reporting>();
        services.AddScoped<Features.Performance.Agreements>();
        services.AddScoped<Features.Performance.Lkjip>();
        services.AddScoped<Features.Performance.PlanImport>();
        services.AddScoped<Features.Performance.Overview>();
        services.AddScoped<Features.Performance.ReportReminders>();
        services.AddScoped<Features.Performance.ReportEvidenceFiles>();
        services.AddScoped<Features.Performance.LkeEvaluations>();
        services.AddScoped<Features.Budget.BudgetPortal>();
        services.AddScoped<Features.Budget.VillageFunds>();
        services.Configure<Features.Performance.PerformanceOptions>(configuration.GetSection(Features.Performance.PerformanceOptions.Section));
        services.Configure<Features.Procurement.ProcurementOptions>(configuration.GetSection(Features.Procurement.ProcurementOptions.Section));
        services.AddScoped<Features.Procurement.ProcurementService>();
        services.AddScoped<Features.Procurement.IntegrityPacts>();
        services.Configure<Features.Procurement.Ocds.OcdsOptions>(configuration.GetSection(Features.Procurement.Ocds.OcdsOptions.Section));
        services.AddScoped<Features.Procurement.Ocds.OcdsFeed>();
        services.Configure<Features.Rewards.RewardOptions>(configuration.GetSection(Features.Rewards.RewardOptions.Section));
        services.AddScoped<Features.Rewards.PointsLedger>();
        services.AddScoped<Features.Rewards.Vouchers>();
        services.AddScoped<Features.Rewards.CitizenSignIn>();
        Features.Rewards.CitizenSignIn.AddCitizenAuthentication(services,
            configuration.GetSection(Features.Rewards.RewardOptions.Section).Get<Features.Rewards.RewardOptions>() ?? new());
        services.AddSingleton<Features.Open311.Open311ListCache>();
        Features.Budget.BudgetServices.AddBudget(services, configuration);
    }

    private static void Configure(WebApplication app)
    {
        var supported = Ui.Cultures.Select(c => new CultureInfo(c)).ToList();
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Ui.Indonesian),
            SupportedCultures = supported,
            SupportedUICultures = supported,
        };
        localization.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
        ];

        app.UseForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/galat",
            StatusCodeSelector = ApiExceptionHandler.StatusFor,
        });
        // Empty error responses get a body: ProblemDetails for the API, the HTML error page for people.
        app.UseWhen(c => ApiExceptionHandler.IsApi(c), api => api.UseStatusCodePages());
        app.UseWhen(c => !ApiExceptionHandler.IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/galat", "?kode={0}"));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseIntegritasSecurityHeaders();
        app.UseRequestLocalization(localization);
        var contentTypes = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        contentTypes.Mappings[".geojson"] = "application/geo+json";
        contentTypes.Mappings[".webmanifest"] = "application/manifest+json";
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = contentTypes });
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseApiBodyLimit();
        app.UseAuthorization();
        app.UseTwoFactorEnrolment();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("Integritas API"));
        app.MapRazorPages();
        app.MapLanguageSwitch();
        app.MapOrganisationApi();
        app.MapLedger();
        app.MapLedgerWitnessing();
        app.MapEvidenceFiles();
        app.MapEvidenceApi();
        app.MapComplaintApi();
        app.MapPerformanceApi();
        app.MapBudgetApi();
        app.MapOpen311();
        app.MapVoucherApi();
        Features.Procurement.ProcurementEndpoints.MapProcurement(app);
        app.MapOcds();
    }

    private static void MapLanguageSwitch(this WebApplication app) =>
        app.MapPost("/bahasa", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string lang, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            {
                var culture = lang == "en" ? Ui.English : Ui.Indonesian;
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                return Results.LocalRedirect(LocalUrl.OrDefault(returnUrl, "/"));
            })
            .ExcludeFromDescription();
}
