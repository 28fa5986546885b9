using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integritas.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Procurement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AwardDate",
                table: "ConstructionPackages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "AwardValue",
                table: "ConstructionPackages",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AwardedBidId",
                table: "ConstructionPackages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Category",
                table: "ConstructionPackages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContractDate",
                table: "ConstructionPackages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractNumber",
                table: "ConstructionPackages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FiscalYear",
                table: "ConstructionPackages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "Hps",
                table: "ConstructionPackages",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Method",
                table: "ConstructionPackages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "Pagu",
                table: "ConstructionPackages",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Stage",
                table: "ConstructionPackages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SupplierVendorId",
                table: "ConstructionPackages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TenderEndUtc",
                table: "ConstructionPackages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TenderStartUtc",
                table: "ConstructionPackages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Bids",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PackageId = table.Column<int>(type: "INTEGER", nullable: false),
                    VendorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DisqualificationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NeedsLargerGuarantee = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bids_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Bids_ConstructionPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "ConstructionPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Bids_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntegrityPacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PackageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityPacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrityPacts_ConstructionPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "ConstructionPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PackageStageEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PackageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ByRole = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackageStageEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PackageStageEvents_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PackageStageEvents_ConstructionPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "ConstructionPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VendorUsers",
                columns: table => new
                {
                    VendorId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VendorUsers", x => new { x.VendorId, x.UserId });
                    table.ForeignKey(
                        name: "FK_VendorUsers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VendorUsers_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WitnessAffiliations",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessAffiliations", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_WitnessAffiliations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PactSignatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PactId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    VendorId = table.Column<int>(type: "INTEGER", nullable: true),
                    SigningKeyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LedgerIndex = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PactSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PactSignatures_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PactSignatures_IntegrityPacts_PactId",
                        column: x => x.PactId,
                        principalTable: "IntegrityPacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PactSignatures_SigningKeys_SigningKeyId",
                        column: x => x.SigningKeyId,
                        principalTable: "SigningKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PactSignatures_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionPackages_FiscalYear_Stage",
                table: "ConstructionPackages",
                columns: new[] { "FiscalYear", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionPackages_Method",
                table: "ConstructionPackages",
                column: "Method");

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionPackages_SupplierVendorId",
                table: "ConstructionPackages",
                column: "SupplierVendorId");

            migrationBuilder.CreateIndex(
                name: "IX_Bids_PackageId_VendorId",
                table: "Bids",
                columns: new[] { "PackageId", "VendorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bids_RecordedByUserId",
                table: "Bids",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Bids_VendorId",
                table: "Bids",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityPacts_PackageId_Revision",
                table: "IntegrityPacts",
                columns: new[] { "PackageId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PackageStageEvents_ByUserId",
                table: "PackageStageEvents",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PackageStageEvents_PackageId_AtUtc",
                table: "PackageStageEvents",
                columns: new[] { "PackageId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PactSignatures_PactId_UserId",
                table: "PactSignatures",
                columns: new[] { "PactId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PactSignatures_SigningKeyId",
                table: "PactSignatures",
                column: "SigningKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_PactSignatures_UserId",
                table: "PactSignatures",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PactSignatures_VendorId",
                table: "PactSignatures",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_VendorUsers_UserId",
                table: "VendorUsers",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_ConstructionPackages_Vendors_SupplierVendorId",
                table: "ConstructionPackages",
                column: "SupplierVendorId",
                principalTable: "Vendors",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConstructionPackages_Vendors_SupplierVendorId",
                table: "ConstructionPackages");

            migrationBuilder.DropTable(
                name: "Bids");

            migrationBuilder.DropTable(
                name: "PackageStageEvents");

            migrationBuilder.DropTable(
                name: "PactSignatures");

            migrationBuilder.DropTable(
                name: "VendorUsers");

            migrationBuilder.DropTable(
                name: "WitnessAffiliations");

            migrationBuilder.DropTable(
                name: "IntegrityPacts");

            migrationBuilder.DropIndex(
                name: "IX_ConstructionPackages_FiscalYear_Stage",
                table: "ConstructionPackages");

            migrationBuilder.DropIndex(
                name: "IX_ConstructionPackages_Method",
                table: "ConstructionPackages");

            migrationBuilder.DropIndex(
                name: "IX_ConstructionPackages_SupplierVendorId",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "AwardDate",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "AwardValue",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "AwardedBidId",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "ContractDate",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "ContractNumber",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "FiscalYear",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "Hps",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "Method",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "Pagu",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "SupplierVendorId",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "TenderEndUtc",
                table: "ConstructionPackages");

            migrationBuilder.DropColumn(
                name: "TenderStartUtc",
                table: "ConstructionPackages");
        }
    }
}
