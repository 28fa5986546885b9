using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Integritas.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class QuarterlyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuarterReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OpdId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    LateReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    VerifiedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublishedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PublishedCsv = table.Column<string>(type: "text", nullable: true),
                    LedgerIndex = table.Column<long>(type: "bigint", nullable: true),
                    CapaianMean = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    IkuCapaianMean = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    IndicatorsCounted = table.Column<int>(type: "integer", nullable: false),
                    Pagu = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    Spent = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuarterReports_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetRealisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuarterReportId = table.Column<long>(type: "bigint", nullable: false),
                    PlanNodeId = table.Column<long>(type: "bigint", nullable: false),
                    Spent = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetRealisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetRealisations_PlanNodes_PlanNodeId",
                        column: x => x.PlanNodeId,
                        principalTable: "PlanNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetRealisations_QuarterReports_QuarterReportId",
                        column: x => x.QuarterReportId,
                        principalTable: "QuarterReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorRealisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuarterReportId = table.Column<long>(type: "bigint", nullable: false),
                    IndicatorId = table.Column<long>(type: "bigint", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    Problems = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Actions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorRealisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorRealisations_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorRealisations_QuarterReports_QuarterReportId",
                        column: x => x.QuarterReportId,
                        principalTable: "QuarterReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuarterReportEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuarterReportId = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterReportEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuarterReportEvents_QuarterReports_QuarterReportId",
                        column: x => x.QuarterReportId,
                        principalTable: "QuarterReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuarterReportId = table.Column<long>(type: "bigint", nullable: false),
                    IndicatorId = table.Column<long>(type: "bigint", nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportEvidence_QuarterReports_QuarterReportId",
                        column: x => x.QuarterReportId,
                        principalTable: "QuarterReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRealisations_PlanNodeId",
                table: "BudgetRealisations",
                column: "PlanNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetRealisations_QuarterReportId_PlanNodeId",
                table: "BudgetRealisations",
                columns: new[] { "QuarterReportId", "PlanNodeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorRealisations_IndicatorId",
                table: "IndicatorRealisations",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorRealisations_QuarterReportId_IndicatorId_Period",
                table: "IndicatorRealisations",
                columns: new[] { "QuarterReportId", "IndicatorId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuarterReportEvents_QuarterReportId",
                table: "QuarterReportEvents",
                column: "QuarterReportId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarterReports_OpdId_Year_Quarter",
                table: "QuarterReports",
                columns: new[] { "OpdId", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuarterReports_Year_Status",
                table: "QuarterReports",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportEvidence_QuarterReportId",
                table: "ReportEvidence",
                column: "QuarterReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetRealisations");

            migrationBuilder.DropTable(
                name: "IndicatorRealisations");

            migrationBuilder.DropTable(
                name: "QuarterReportEvents");

            migrationBuilder.DropTable(
                name: "ReportEvidence");

            migrationBuilder.DropTable(
                name: "QuarterReports");
        }
    }
}
