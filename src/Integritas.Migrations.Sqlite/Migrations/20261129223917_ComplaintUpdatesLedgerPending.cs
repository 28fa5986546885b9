using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integritas.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintUpdatesLedgerPending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ComplaintUpdates_LedgerPending",
                table: "ComplaintUpdates",
                column: "Id",
                filter: "\"LedgerIndex\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ComplaintUpdates_LedgerPending",
                table: "ComplaintUpdates");
        }
    }
}
