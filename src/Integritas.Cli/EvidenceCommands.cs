using System.CommandLine;
using Integritas.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integritas.Cli;

/// <summary>Checks stored construction evidence against its files and the transparency log, as the package pages do.</summary>
public static class EvidenceCommands
{
    public static Command Evidence()
    {
        var evidence = new Command("evidence", "Bukti pekerjaan konstruksi / Construction evidence");
        evidence.Subcommands.Add(Check());
        return evidence;
    }

    private static Command Check()
    {
        var package = new Option<string?>("--package") { Description = "Only this package code (default: every package)" };
        var command = new Command("check", "Periksa berkas, entri log dan bukti inklusi setiap bukti / Re-hash every evidence file, recompute its log entry and verify its inclusion proof") { package };
        command.SetAction((parse, ct) => Commands.OnDatabaseAsync(parse, requireMigrated: true, async (services, db) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var code = parse.GetValue(package);
            var query = db.EvidenceItems.AsNoTracking().Where(i => code == null || i.Package!.Code == code).OrderBy(i => i.Id);
            var checker = services.GetRequiredService<EvidenceIntegrity>();
            int ok = 0, pending = 0, broken = 0, seen = 0;
            var lastId = 0L;
            while (true)
            {
                // In pages, so a large regency's evidence is not all held in memory at once.
                var page = await query.Where(i => i.Id > lastId).Take(200)
                    .Select(i => new { Item = i, i.Package!.Code, i.Milestone!.Sequence }).ToListAsync(ct);
                if (page.Count == 0)
                {
                    break;
                }

                lastId = page[^1].Item.Id;
                seen += page.Count;
                var statuses = await checker.CheckAsync([.. page.Select(p => new EvidenceIntegrity.Subject(p.Item, p.Code, p.Sequence))], ct);
                foreach (var p in page)
                {
                    var status = statuses[p.Item.Id];
                    switch (status.State)
                    {
                        case IntegrityState.Verified:
                            ok++;
                            break;
                        case IntegrityState.Pending:
                            pending++;
                            output.WriteLine($"PENDING evidence {p.Item.Id} ({p.Code}): not yet in the log");
                            break;
                        default:
                            broken++;
                            foreach (var (_, en) in status.Problems)
                            {
                                output.WriteLine($"BAD evidence {p.Item.Id} ({p.Code}): {en}");
                            }

                            break;
                    }
                }
            }

            if (code is not null && seen == 0 && !await db.ConstructionPackages.AnyAsync(p => p.Code == code, ct))
            {
                parse.InvocationConfiguration.Error.WriteLine($"No package has the code {code}.");
                return 2;
            }

            output.WriteLine($"{seen} evidence item(s): {ok} verified, {pending} waiting for the log, {broken} altered or missing.");
            return broken > 0 ? 1 : 0;
        }, ct));
        return command;
    }
}
