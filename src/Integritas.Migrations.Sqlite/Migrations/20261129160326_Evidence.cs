using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integritas.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Evidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConstructionPackages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OpdId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ContractorCompany = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    ContractValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    WorkStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SiteLatitude = table.Column<double>(type: "REAL", nullable: false),
                    SiteLongitude = table.Column<double>(type: "REAL", nullable: false),
                    GeofenceRadiusMeters = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConstructionPackages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConstructionPackages_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConstructionPackages_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PackageContractors",
                columns: table => new
                {
                    PackageId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackageContractors", x => new { x.PackageId, x.UserId });
                    table.ForeignKey(
                        name: "FK_PackageContractors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PackageContractors_ConstructionPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "ConstructionPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PackageMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PackageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProgressPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackageMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PackageMilestones_ConstructionPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "ConstructionPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PackageId = table.Column<int>(type: "INTEGER", nullable: false),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MediaSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MediaContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MediaSize = table.Column<long>(type: "INTEGER", nullable: false),
                    ThumbnailSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvoiceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvoiceContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    InvoiceSize = table.Column<long>(type: "INTEGER", nullable: true),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CapturedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CapturedFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    LocationFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    DistanceFromSiteMeters = table.Column<double>(type: "REAL", nullable: false),
                    Flags = table.Column<int>(type: "INTEGER", nullable: false),
                    UploaderRole = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LedgerIndex = table.Column<long>(type: "INTEGER", nullable: true),
                    Review = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReviewedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_AspNetUsers_ReviewedByUserId",
                        column: x => x.ReviewedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_AspNetUsers_UploadedByUserId",
                        column: x => x.UploadedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_ConstructionPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "ConstructionPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_PackageMilestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "PackageMilestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionPackages_Code",
                table: "ConstructionPackages",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionPackages_OpdId",
                table: "ConstructionPackages",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_ConstructionPackages_RegionId",
                table: "ConstructionPackages",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_LedgerIndex",
                table: "EvidenceItems",
                column: "LedgerIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_MediaSha256",
                table: "EvidenceItems",
                column: "MediaSha256");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_MilestoneId",
                table: "EvidenceItems",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_PackageId_CapturedAtUtc",
                table: "EvidenceItems",
                columns: new[] { "PackageId", "CapturedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_ReviewedByUserId",
                table: "EvidenceItems",
                column: "ReviewedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_UploadedByUserId",
                table: "EvidenceItems",
                column: "UploadedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PackageContractors_UserId",
                table: "PackageContractors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PackageMilestones_PackageId_Sequence",
                table: "PackageMilestones",
                columns: new[] { "PackageId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceItems");

            migrationBuilder.DropTable(
                name: "PackageContractors");

            migrationBuilder.DropTable(
                name: "PackageMilestones");

            migrationBuilder.DropTable(
                name: "ConstructionPackages");
        }
    }
}
