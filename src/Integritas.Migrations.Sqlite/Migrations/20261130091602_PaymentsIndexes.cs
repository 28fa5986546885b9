using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integritas.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_OpdId",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_Year_OpdId_SubKegiatanCode_Date",
                table: "Payments");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_OpdId_Year_SubKegiatanCode_Date",
                table: "Payments",
                columns: new[] { "OpdId", "Year", "SubKegiatanCode", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_OpdId_Year_SubKegiatanCode_Date",
                table: "Payments");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_OpdId",
                table: "Payments",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Year_OpdId_SubKegiatanCode_Date",
                table: "Payments",
                columns: new[] { "Year", "OpdId", "SubKegiatanCode", "Date" });
        }
    }
}
