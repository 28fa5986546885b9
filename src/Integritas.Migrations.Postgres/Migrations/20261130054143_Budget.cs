using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Integritas.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Budget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BudgetCodes",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetCodes", x => new { x.Kind, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "BudgetImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RowsRead = table.Column<long>(type: "bigint", nullable: false),
                    RowsAdded = table.Column<long>(type: "bigint", nullable: false),
                    RowsUnchanged = table.Column<long>(type: "bigint", nullable: false),
                    ErrorsJson = table.Column<string>(type: "text", nullable: true),
                    ErrorCount = table.Column<long>(type: "bigint", nullable: false),
                    StartedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    StartedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BudgetVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    OpdId = table.Column<int>(type: "integer", nullable: false),
                    SubKegiatanCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AccountCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VendorCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Flags = table.Column<int>(type: "integer", nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Payments_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentTotals",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OpdId = table.Column<int>(type: "integer", nullable: false),
                    SubKegiatanCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AccountCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentTotals", x => new { x.Year, x.OpdId, x.SubKegiatanCode, x.AccountCode, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ReferencePrices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Price = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferencePrices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VillageSpending",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DesaId = table.Column<int>(type: "integer", nullable: false),
                    ActivityCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActivityName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageSpending", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VillageSpending_Regions_DesaId",
                        column: x => x.DesaId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VillageTransfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DesaId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VillageTransfers_Regions_DesaId",
                        column: x => x.DesaId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    OpdId = table.Column<int>(type: "integer", nullable: false),
                    SubKegiatanCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AccountCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Pagu = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetLines_BudgetVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "BudgetVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetLines_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaymentId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LineNo = table.Column<int>(type: "integer", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UnitPrice = table.Column<long>(type: "bigint", nullable: false),
                    ReferenceUnitPrice = table.Column<long>(type: "bigint", nullable: true),
                    MarkupPercent = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    AboveReference = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentItems_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetImports_StartedAtUtc",
                table: "BudgetImports",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_OpdId",
                table: "BudgetLines",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLines_VersionId_OpdId_SubKegiatanCode_AccountCode",
                table: "BudgetLines",
                columns: new[] { "VersionId", "OpdId", "SubKegiatanCode", "AccountCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetVersions_Year_Revision",
                table: "BudgetVersions",
                columns: new[] { "Year", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentItems_ItemCode",
                table: "PaymentItems",
                column: "ItemCode");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentItems_PaymentId_LineNo",
                table: "PaymentItems",
                columns: new[] { "PaymentId", "LineNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_OpdId",
                table: "Payments",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_VendorCode_Year",
                table: "Payments",
                columns: new[] { "VendorCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Year_OpdId_SubKegiatanCode_Date",
                table: "Payments",
                columns: new[] { "Year", "OpdId", "SubKegiatanCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferencePrices_ItemCode_Source_ValidFrom",
                table: "ReferencePrices",
                columns: new[] { "ItemCode", "Source", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VillageSpending_DesaId",
                table: "VillageSpending",
                column: "DesaId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageSpending_Year_DesaId_ActivityCode_Source_Date",
                table: "VillageSpending",
                columns: new[] { "Year", "DesaId", "ActivityCode", "Source", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_VillageTransfers_DesaId",
                table: "VillageTransfers",
                column: "DesaId");

            migrationBuilder.CreateIndex(
                name: "IX_VillageTransfers_Year_DesaId_Source_Stage",
                table: "VillageTransfers",
                columns: new[] { "Year", "DesaId", "Source", "Stage" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetCodes");

            migrationBuilder.DropTable(
                name: "BudgetImports");

            migrationBuilder.DropTable(
                name: "BudgetLines");

            migrationBuilder.DropTable(
                name: "PaymentItems");

            migrationBuilder.DropTable(
                name: "PaymentTotals");

            migrationBuilder.DropTable(
                name: "ReferencePrices");

            migrationBuilder.DropTable(
                name: "VillageSpending");

            migrationBuilder.DropTable(
                name: "VillageTransfers");

            migrationBuilder.DropTable(
                name: "BudgetVersions");

            migrationBuilder.DropTable(
                name: "Payments");
        }
    }
}
