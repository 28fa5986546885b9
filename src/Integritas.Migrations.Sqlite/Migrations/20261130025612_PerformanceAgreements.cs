using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integritas.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PerformanceAgreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpdId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformanceAgreements_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    PublicKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Nonce = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedPrivateKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    MemoryKib = table.Column<int>(type: "INTEGER", nullable: false),
                    Passes = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SigningKeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSignatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<long>(type: "INTEGER", nullable: false),
                    Party = table.Column<int>(type: "INTEGER", nullable: false),
                    SigningKeyId = table.Column<long>(type: "INTEGER", nullable: false),
                    OfficialId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SignedAtUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LedgerIndex = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementSignatures_Officials_OfficialId",
                        column: x => x.OfficialId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementSignatures_PerformanceAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "PerformanceAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementSignatures_SigningKeys_SigningKeyId",
                        column: x => x.SigningKeyId,
                        principalTable: "SigningKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatures_AgreementId_Party",
                table: "AgreementSignatures",
                columns: new[] { "AgreementId", "Party" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatures_OfficialId",
                table: "AgreementSignatures",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatures_SigningKeyId",
                table: "AgreementSignatures",
                column: "SigningKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceAgreements_OpdId_Year_Revision",
                table: "PerformanceAgreements",
                columns: new[] { "OpdId", "Year", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_UserId",
                table: "SigningKeys",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementSignatures");

            migrationBuilder.DropTable(
                name: "PerformanceAgreements");

            migrationBuilder.DropTable(
                name: "SigningKeys");
        }
    }
}
