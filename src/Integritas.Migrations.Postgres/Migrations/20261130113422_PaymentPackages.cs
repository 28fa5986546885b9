using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integritas.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PaymentPackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Vendors",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50);

            migrationBuilder.AddColumn<int>(
                name: "PackageId",
                table: "Payments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_PackageId_Date",
                table: "Payments",
                columns: new[] { "PackageId", "Date" },
                filter: "\"PackageId\" IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Payments_ConstructionPackages_PackageId",
                table: "Payments",
                column: "PackageId",
                principalTable: "ConstructionPackages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "Vendors",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50,
                oldCollation: "C");
        }
    }
}
