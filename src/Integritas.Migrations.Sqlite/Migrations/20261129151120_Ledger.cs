using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integritas.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerCheckpoints",
                columns: table => new
                {
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerCheckpoints", x => x.Size);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", maxLength: 65535, nullable: false),
                    EntrySha256 = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    IntegratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Index);
                });

            migrationBuilder.CreateTable(
                name: "LedgerTiles",
                columns: table => new
                {
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    Hashes = table.Column<byte[]>(type: "BLOB", maxLength: 8192, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTiles", x => new { x.Level, x.Index });
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_EntrySha256",
                table: "LedgerEntries",
                column: "EntrySha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerCheckpoints");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "LedgerTiles");
        }
    }
}
