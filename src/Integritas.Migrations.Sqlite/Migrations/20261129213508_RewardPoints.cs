using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integritas.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RewardPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CitizenAccountId",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "ApiKeys",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "open311"); // every key issued before scopes existed is an Open311 key

            migrationBuilder.CreateTable(
                name: "CitizenAccounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PhoneVerifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSignInAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhoneChallenges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneChallenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RewardVouchers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueRupiah = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConsumedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsumedByKeyId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConsumedReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardVouchers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RewardVouchers_ApiKeys_ConsumedByKeyId",
                        column: x => x.ConsumedByKeyId,
                        principalTable: "ApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RewardVouchers_CitizenAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "CitizenAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    BalanceAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: true),
                    VoucherId = table.Column<long>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsEntries_CitizenAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "CitizenAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PointsEntries_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PointsEntries_RewardVouchers_VoucherId",
                        column: x => x.VoucherId,
                        principalTable: "RewardVouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CitizenAccountId",
                table: "Complaints",
                column: "CitizenAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReporterPhone",
                table: "Complaints",
                column: "ReporterPhone");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenAccounts_Phone",
                table: "CitizenAccounts",
                column: "Phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneChallenges_Phone_CreatedAtUtc",
                table: "PhoneChallenges",
                columns: new[] { "Phone", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_AccountId_Sequence",
                table: "PointsEntries",
                columns: new[] { "AccountId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_AtUtc",
                table: "PointsEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_ComplaintId_Reason",
                table: "PointsEntries",
                columns: new[] { "ComplaintId", "Reason" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_VoucherId",
                table: "PointsEntries",
                column: "VoucherId");

            migrationBuilder.CreateIndex(
                name: "IX_RewardVouchers_AccountId_IssuedAtUtc",
                table: "RewardVouchers",
                columns: new[] { "AccountId", "IssuedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RewardVouchers_Code",
                table: "RewardVouchers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardVouchers_ConsumedByKeyId",
                table: "RewardVouchers",
                column: "ConsumedByKeyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Complaints_CitizenAccounts_CitizenAccountId",
                table: "Complaints",
                column: "CitizenAccountId",
                principalTable: "CitizenAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Complaints_CitizenAccounts_CitizenAccountId",
                table: "Complaints");

            migrationBuilder.DropTable(
                name: "PhoneChallenges");

            migrationBuilder.DropTable(
                name: "PointsEntries");

            migrationBuilder.DropTable(
                name: "RewardVouchers");

            migrationBuilder.DropTable(
                name: "CitizenAccounts");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_CitizenAccountId",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ReporterPhone",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "CitizenAccountId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "ApiKeys");
        }
    }
}
