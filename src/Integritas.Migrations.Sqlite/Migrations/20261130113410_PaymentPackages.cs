using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integritas.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PaymentPackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite adds a nullable column with its foreign key in place; EF's AddForeignKey would copy the whole
            // payments table (tens of millions of rows) into a rebuilt one.
            migrationBuilder.Sql("""ALTER TABLE "Payments" ADD COLUMN "PackageId" INTEGER NULL REFERENCES "ConstructionPackages" ("Id") ON DELETE RESTRICT;""");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_PackageId_Date",
                table: "Payments",
                columns: new[] { "PackageId", "Date" },
                filter: "\"PackageId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Payments_ConstructionPackages_PackageId",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_PackageId_Date",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "PackageId",
                table: "Payments");
        }
    }
}
